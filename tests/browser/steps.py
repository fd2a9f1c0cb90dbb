"""Steps the browser tests share."""

from playwright.sync_api import Page, expect

from tests.factories import PASSWORD

LOOKUP_DELAY_MS = 300


def log_in(page: Page, live_server, staff) -> None:
    """Opens the desk, is sent to the login page, and logs in as ``staff``."""
    page.goto(live_server.url + "/tiep-cong-dan/")
    page.get_by_label("Tên đăng nhập").fill(staff.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_label("Mật khẩu").press("Enter")


def settled(page: Page) -> None:
    """Waits until htmx has swapped and wired up new content: a button pressed earlier would have no handler yet."""
    # Lookups fire 300 ms after the last keystroke (reception/forms.py): let a pending one start first.
    page.wait_for_timeout(LOOKUP_DELAY_MS + 100)
    # A locator, not a JavaScript predicate: the Content-Security-Policy forbids evaluating strings as scripts.
    expect(page.locator(".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added")).to_have_count(0)


def pick(scope, label: str, query: str, choice: str) -> None:
    """Types ``query`` in the search picker labelled ``label`` (danvan/pickers.py) and picks the match ``choice``."""
    scope.get_by_label(label).fill(query)
    scope.get_by_role("button", name=choice, exact=True).click()
    expect(scope.get_by_label(label)).to_have_value(choice)
