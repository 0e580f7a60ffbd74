"""Plain names for browsers on the 'Where you're signed in' page."""

from __future__ import annotations

import pytest

from reclaim.accounts.templatetags.devices import device_name

FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
EDGE_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87"
)
CHROME_MAC = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"
)


@pytest.mark.parametrize(
    ("user_agent", "name"),
    [
        (FIREFOX_ANDROID, "Firefox on Android"),
        (SAFARI_IPHONE, "Safari on iPhone"),
        (EDGE_WINDOWS, "Edge on Windows"),
        (CHROME_MAC, "Chrome on a Mac"),
    ],
)
def test_it_names_common_browsers_the_way_people_say_them(user_agent, name):
    assert device_name(user_agent) == name


def test_it_names_the_system_when_the_browser_is_unknown():
    assert device_name("SomeReader/1.0 (Linux)") == "A browser on Linux"


def test_it_says_plainly_when_it_cannot_tell():
    assert device_name("curl/8.0") == "An unknown browser"
    assert device_name("") == "An unknown browser"
    assert device_name(None) == "An unknown browser"
