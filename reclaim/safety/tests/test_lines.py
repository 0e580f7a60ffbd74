"""Tests for the crisis-line data and its loader (reclaim.safety.lines).

Pure Python: run with `uv run pytest reclaim/safety/tests/test_lines.py -q -p no:django`.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from reclaim.safety import lines
from reclaim.safety.lines import Contact, all_countries, load_country, load_fallback, load_file

SHIPPED = ["au", "ca", "gb", "ie", "nz", "us"]
DATA_DIR = Path(lines.__file__).with_name("crisis_lines")


def raw(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# --- the shipped data ---------------------------------------------------------------------


def test_every_shipped_country_is_found_as_package_data():
    folder = resources.files("reclaim.safety").joinpath("crisis_lines")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".json"))
    assert names == ["_emergency_numbers.json", "_fallback.json"] + [
        f"{code}.json" for code in SHIPPED
    ]
    assert [c.code.lower() for c in all_countries()] == SHIPPED


@pytest.mark.parametrize("code", SHIPPED)
def test_every_country_file_has_an_emergency_number_and_a_crisis_line_you_can_call_or_text(code):
    country = load_country(code)
    assert country.emergency.number
    assert re.fullmatch(r"tel:\d{3}", country.emergency.contacts[0].href)
    assert any(
        contact.kind in {"call", "text"}
        for line in country.crisis_lines
        for contact in line.contacts
    )


@pytest.mark.parametrize("code", SHIPPED)
def test_every_line_has_a_source_address_starting_with_http_and_an_iso_last_checked_date(code):
    data = raw(f"{code}.json")
    for line in data["crisis_lines"] + data["domestic_abuse_lines"]:
        assert line["source"].startswith("http"), line["name"]
        assert date.fromisoformat(line["last_checked"]) == date(2026, 11, 25), line["name"]
        for extra in line.get("other_sources", []):
            assert extra.startswith("http"), line["name"]
    assert date.fromisoformat(data["emergency"]["last_checked"])


@pytest.mark.parametrize("code", SHIPPED)
def test_every_line_has_a_name_a_one_sentence_description_and_a_contact(code):
    for line in load_country(code).lines:
        assert line.name
        assert line.description.endswith(".")
        assert line.description.count(". ") == 0, line.description
        assert line.contacts


def test_the_shipped_numbers_are_exactly_those_in_the_research_note():
    # A deliberate second copy: changing a number must also change this test.
    expected = {
        "US": {
            "tel:911",
            "tel:988",
            "sms:988",
            "https://988lifeline.org",
            "tel:18002738255",
            "tel:18007997233",
            "tel:18007873224",
            "sms:88788?&body=START",
            "https://thehotline.org",
        },
        "CA": {
            "tel:911",
            "tel:988",
            "sms:988",
            "https://sheltersafe.ca",
            "tel:18668630511",
            "tel:18555544325",
        },
        "GB": {
            "tel:999",
            "tel:116123",
            "mailto:jo@samaritans.org",
            "tel:08082000247",
            "https://nationaldahelpline.org.uk",
        },
        "IE": {"tel:112", "tel:999", "tel:116123", "tel:1800247247", "sms:51444?&body=HELP"},
        "AU": {"tel:000", "tel:131114", "sms:0477131114", "tel:1800737732", "sms:0458737732"},
        "NZ": {
            "tel:111",
            "tel:1737",
            "sms:1737",
            "tel:0800543354",
            "sms:4357?&body=HELP",
            "tel:0508828865",
        },
    }
    for country in all_countries():
        hrefs = {c.href for c in country.emergency.contacts}
        hrefs |= {c.href for line in country.lines for c in line.contacts}
        assert hrefs == expected[country.code], country.code


def test_details_the_research_could_not_confirm_are_marked_unverified_with_a_note():
    ireland, australia, canada = load_country("IE"), load_country("AU"), load_country("CA")
    assert ireland.emergency.numbers == ("112", "999")
    assert not ireland.emergency.verified and ireland.emergency.note
    assert australia.emergency.number == "000"
    assert not australia.emergency.verified and australia.emergency.note
    ontario = next(line for line in canada.lines if line.name == "Assaulted Women's Helpline")
    assert ontario.region == "Ontario"
    assert not ontario.verified and "awhl.org" in ontario.note
    for code in ("US", "GB", "NZ"):
        assert load_country(code).unverified == ()


def test_ireland_and_new_zealand_have_no_domestic_abuse_lines_and_ask_the_operator_to_add_one():
    for code in ("IE", "NZ"):
        country = load_country(code)
        assert country.domestic_abuse_lines == ()
        assert "operator should add" in country.domestic_abuse_note


def test_the_uk_domestic_abuse_helpline_says_it_covers_england():
    uk = load_country("GB")
    (helpline,) = uk.domestic_abuse_lines
    assert helpline.region == "England"
    assert "England" in uk.domestic_abuse_note


def test_the_fallback_says_to_call_the_local_emergency_number_and_links_only_a_directory():
    fallback = load_fallback()
    assert fallback.is_fallback
    assert fallback.emergency.number is None
    assert fallback.emergency.contacts == ()
    assert fallback.emergency.gsm.href == "tel:112"
    assert "local emergency number" in fallback.emergency.description
    assert fallback.crisis_lines
    contacts = [contact for line in fallback.lines for contact in line.contacts]
    assert contacts and {c.kind for c in contacts} == {"web"}
    assert {c.value for c in contacts} == {"https://findahelpline.com"}
    # No phone number in the file but the GSM emergency number in plain words.
    text = re.sub(r"\d{4}-\d{2}-\d{2}", "", json.dumps(raw("_fallback.json")))
    assert re.findall(r"\d{3,}", text) == ["112"]


# --- looking a country up -------------------------------------------------------------------


@pytest.mark.parametrize("code", ["zz", "", "   ", "usa", "../us", "_fallback", "u"])
def test_an_unknown_or_empty_country_gives_the_fallback(code):
    assert load_country(code) is load_fallback()


@pytest.mark.parametrize(
    "code, number", [("FR", "112"), ("fr", "112"), ("JP", "119"), ("DE", "112")]
)
def test_a_country_without_a_file_gets_the_fallback_with_its_emergency_number(code, number):
    country = load_country(code)
    assert country.is_fallback
    assert country.code == code.upper()
    assert country.emergency.number == number
    assert country.emergency.contacts[0].href == f"tel:{number}"
    assert not country.emergency.verified  # listed for operators to check
    assert country.crisis_lines == load_fallback().crisis_lines


def test_a_country_whose_number_is_unknown_gets_the_plain_fallback():
    assert load_country("AQ").emergency.number is None


def test_lower_case_and_mixed_case_codes_work():
    assert load_country("us").code == "US"
    assert load_country("Nz").code == "NZ"
    assert load_country(" gb ").code == "GB"


def test_uk_is_understood_as_gb():
    assert load_country("uk") is load_country("GB")


def test_results_are_cached_and_shared_between_spellings():
    assert load_country("us") is load_country("US")
    assert all_countries()[0] is load_country("au")


# --- links ------------------------------------------------------------------------------


def test_the_us_988_call_link_is_tel_988():
    lifeline = load_country("US").crisis_lines[0]
    assert lifeline.contacts_of("call")[0].href == "tel:988"
    assert lifeline.contacts_of("text")[0].href == "sms:988"


def test_new_zealands_text_1737_becomes_sms_1737():
    (text,) = load_country("NZ").crisis_lines[0].contacts_of("text")
    assert text.value == "text 1737"
    assert text.href == "sms:1737"


def test_a_text_keyword_goes_into_the_message_body():
    (text,) = load_country("US").domestic_abuse_lines[0].contacts_of("text")
    assert text.value == "text START to 88788"
    assert (text.number, text.keyword) == ("88788", "START")
    assert text.href == "sms:88788?&body=START"


@pytest.mark.parametrize(
    ("contact", "href"),
    [
        (Contact("call", "1-800-273-8255"), "tel:18002738255"),
        (Contact("call", "+64 (0) 800 543 354"), "tel:+640800543354"),
        (Contact("tty", "1-800-787-3224"), "tel:18007873224"),
        (Contact("text", "0477 13 11 14"), "sms:0477131114"),
        (Contact("text", "Text HOME to 741741"), "sms:741741?&body=HOME"),
        (Contact("chat", "https://988lifeline.org"), "https://988lifeline.org"),
        (Contact("email", "jo@samaritans.org"), "mailto:jo@samaritans.org"),
    ],
)
def test_hrefs_keep_only_a_plus_and_digits(contact, href):
    assert contact.href == href


def test_every_shipped_link_is_well_formed():
    pattern = re.compile(r"tel:\+?\d+|sms:\+?\d+(\?&body=[A-Z0-9]+)?|https://\S+|mailto:\S+@\S+")
    for country in all_countries():
        for contact in country.emergency.contacts + tuple(
            c for line in country.lines for c in line.contacts
        ):
            assert pattern.fullmatch(contact.href), (country.code, contact)


# --- malformed files ----------------------------------------------------------------------


def _break(data: dict, path: str, value: object) -> dict:
    """Copy data with a dotted path like "crisis_lines.0.source" set (or, with ..., deleted)."""
    broken = copy.deepcopy(data)
    *parents, last = path.split(".")
    target = broken
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    key = int(last) if isinstance(target, list) else last
    if value is ...:
        del target[key]
    else:
        target[key] = value
    return broken


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        ("emergency.number", ..., "emergency.number"),
        ("emergency.number", None, "emergency.number"),
        ("emergency.number", "call us", "emergency.number"),
        ("crisis_lines", [], "crisis_lines"),
        ("name", ..., "name"),
        ("code", "GB", "code"),
        ("crisis_lines.0.source", "988lifeline.org", "crisis_lines[0].source"),
        ("crisis_lines.0.last_checked", "25/11/2026", "crisis_lines[0].last_checked"),
        ("crisis_lines.0.verfied", False, "crisis_lines[0].verfied"),
        ("crisis_lines.0.verified", False, "crisis_lines[0].note"),
        ("crisis_lines.0.contacts", [], "crisis_lines[0].contacts"),
        ("crisis_lines.0.contacts.0.kind", "fax", "crisis_lines[0].contacts[0].kind"),
        ("crisis_lines.0.contacts.1.value", "text us", "crisis_lines[0].contacts[1].value"),
        ("crisis_lines.0.contacts.2.value", "988lifeline.org", "crisis_lines[0].contacts[2].value"),
        ("domestic_abuse_lines.0.name", "", "domestic_abuse_lines[0].name"),
    ],
)
def test_a_malformed_file_raises_value_error_naming_the_file_and_field(
    tmp_path, path, value, field
):
    broken = _break(raw("us.json"), path, value)
    with pytest.raises(ValueError, match=re.escape(f"us.json: field '{field}'")):
        load_file(write(tmp_path, "us.json", broken))


def test_a_file_that_is_not_json_raises_value_error_naming_the_file(tmp_path):
    path = tmp_path / "fr.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^fr\.json: not valid JSON"):
        load_file(path)


def test_a_well_formed_new_country_file_loads_from_any_path(tmp_path):
    data = _break(raw("gb.json"), "code", "FR")
    country = load_file(write(tmp_path, "fr.json", data))
    assert country.code == "FR"
    assert country.crisis_lines[0].contacts[0].href == "tel:116123"


def test_the_fallback_may_not_carry_phone_numbers(tmp_path):
    data = raw("_fallback.json")
    data["crisis_lines"][0]["contacts"] = [{"kind": "call", "value": "112"}]
    with pytest.raises(ValueError, match=re.escape("field 'crisis_lines[0].contacts'")):
        load_file(write(tmp_path, "_fallback.json", data))
