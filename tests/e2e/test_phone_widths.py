"""Nothing scrolls sideways at the widths phones really have, signed in or not.

The journeys check 320 px and a desktop; the phones most people hold are in
between (360 to 430 px wide), where the top bar's buttons once needed more
room than the screen had.
"""

import pytest
from playwright.sync_api import Page

from .conftest import assert_fits, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONES = (360, 375, 390, 393, 412, 414, 428, 430, 480)


def _fits_on_every_phone(page: Page, path: str) -> None:
    for width in PHONES:
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(path)
        assert_fits(page)


def test_signed_out_pages_fit_every_phone(page: Page):
    for path in ("/", "/help/", "/account/login/"):
        _fits_on_every_phone(page, path)


def test_signed_in_pages_fit_every_phone(page: Page, member):
    sign_in(page)
    for path in ("/today/", "/journal/", "/sharing/", "/settings/"):
        _fits_on_every_phone(page, path)
