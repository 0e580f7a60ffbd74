"""Master keys: where they come from, how they are checked, how the file is kept."""

from __future__ import annotations

import base64
import secrets
import stat

import pytest
from django.core.exceptions import ImproperlyConfigured

from reclaim.vault import keys

from .conftest import key_line


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode()


def test_keys_from_the_setting_are_read_newest_first(settings, old_key, new_key):
    settings.RECLAIM_MASTER_KEYS = f"{new_key},{old_key}"
    assert [k.key_id for k in keys.master_keys()] == ["new", "old"]
    assert keys.newest_master_key().key_id == "new"
    assert keys.master_key("old").key == base64.urlsafe_b64decode(old_key.split(":")[1])


def test_changing_the_setting_is_seen_at_once(settings, old_key, new_key):
    # The setting_changed receiver in reclaim/vault/signals.py clears the cache.
    settings.RECLAIM_MASTER_KEYS = old_key
    assert keys.newest_master_key().key_id == "old"
    settings.RECLAIM_MASTER_KEYS = f"{new_key},{old_key}"
    assert keys.newest_master_key().key_id == "new"


def test_newlines_comments_and_padding_are_fine(settings):
    raw = secrets.token_bytes(32)
    settings.RECLAIM_MASTER_KEYS = f"# made on 1 March\nk-2:{_b64(raw)}\n\n"
    assert keys.master_keys()[0].key == raw


def test_a_key_in_the_standard_base64_alphabet_is_accepted(settings):
    # `openssl rand -base64 32` writes "+" and "/"; find one key that has them.
    raw = next(
        r for r in iter(lambda: secrets.token_bytes(32), None) if b"+" in base64.b64encode(r)
    )
    settings.RECLAIM_MASTER_KEYS = f"ops:{base64.b64encode(raw).decode()}"
    assert keys.master_keys()[0].key == raw


@pytest.mark.parametrize(
    "value, why",
    [
        ("k1:this is not base64!", "not base64"),
        (f"k1:{_b64(secrets.token_bytes(16))}", "32 bytes"),
        (f"k1:{_b64(secrets.token_bytes(33))}", "32 bytes"),
        (f"k1:{_b64(secrets.token_bytes(32))},k1:{_b64(secrets.token_bytes(32))}", "share an id"),
        (" , \n ", "no master key"),
        ("# only a comment", "no master key"),
        (_b64(secrets.token_bytes(32)), "id:base64key"),
        (f"bad id:{_b64(secrets.token_bytes(32))}", "id:base64key"),
    ],
    ids=["not-base64", "short", "long", "duplicate-id", "empty", "comment-only", "no-id", "bad-id"],
)
def test_a_bad_setting_stops_with_a_message_naming_it(settings, value, why):
    settings.RECLAIM_MASTER_KEYS = value
    with pytest.raises(ImproperlyConfigured, match="RECLAIM_MASTER_KEYS") as caught:
        keys.master_keys()
    assert why in str(caught.value)


def test_a_bad_key_file_stops_with_a_message_naming_it(settings, tmp_path):
    path = tmp_path / "master.keys"
    path.write_text("k1:not-a-key\n")
    settings.RECLAIM_MASTER_KEYS = ""
    settings.RECLAIM_MASTER_KEYS_FILE = str(path)
    with pytest.raises(ImproperlyConfigured, match="RECLAIM_MASTER_KEYS_FILE"):
        keys.master_keys()


def test_an_empty_key_file_stops_with_a_message_naming_it(settings, tmp_path):
    path = tmp_path / "master.keys"
    path.write_text("")
    settings.RECLAIM_MASTER_KEYS = ""
    settings.RECLAIM_MASTER_KEYS_FILE = str(path)
    with pytest.raises(ImproperlyConfigured, match="RECLAIM_MASTER_KEYS_FILE"):
        keys.master_keys()


def test_a_missing_key_names_itself_and_the_rotation_step(settings, new_key):
    settings.RECLAIM_MASTER_KEYS = new_key
    with pytest.raises(ImproperlyConfigured, match="'old'.*rotate-keys"):
        keys.master_key("old")


def test_the_embedded_default_makes_a_key_file_readable_only_by_its_owner(settings, tmp_path):
    path = tmp_path / "keys" / "master.keys"
    settings.RECLAIM_MASTER_KEYS = ""
    settings.RECLAIM_MASTER_KEYS_FILE = str(path)
    newest = keys.newest_master_key()
    assert path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().startswith(f"{newest.key_id}:")
    # A second start reads the same file instead of making a new key.
    keys.master_keys.cache_clear()
    assert keys.newest_master_key() == newest


def test_no_key_file_is_made_when_keys_come_from_the_environment(settings, tmp_path, new_key):
    path = tmp_path / "master.keys"
    settings.RECLAIM_MASTER_KEYS = new_key
    settings.RECLAIM_MASTER_KEYS_FILE = str(path)
    keys.master_keys()
    keys.ensure_keys_file()
    assert not path.exists()


def test_a_new_key_goes_in_front_of_the_file_and_keeps_its_mode(settings, tmp_path):
    path = tmp_path / "master.keys"
    settings.RECLAIM_MASTER_KEYS = ""
    settings.RECLAIM_MASTER_KEYS_FILE = str(path)
    first = keys.newest_master_key()
    # A stale temporary file with a wide mode must not leak that mode.
    stale = path.with_suffix(".tmp")
    stale.write_text("old")
    stale.chmod(0o644)
    added = keys.prepend_key_to_file()
    assert [k.key_id for k in keys.master_keys()] == [added.key_id, first.key_id]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not stale.exists()


def test_adding_a_key_to_the_file_is_refused_when_keys_come_from_the_environment(settings, new_key):
    settings.RECLAIM_MASTER_KEYS = new_key
    with pytest.raises(ImproperlyConfigured, match="RECLAIM_MASTER_KEYS is set"):
        keys.prepend_key_to_file()


def test_a_generated_key_line_parses():
    line = keys.new_key_line()
    (parsed,) = keys.parse_master_keys(line, "test")
    assert len(parsed.key) == 32
    assert line.startswith(parsed.key_id + ":")
    assert key_line("x").startswith("x:")
