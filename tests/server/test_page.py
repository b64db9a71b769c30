"""The web page in headless Chromium: it lists events, opens a document with the event marked, shows relations.

Needs Debian's chromium (/usr/bin/chromium) and the playwright package; `.ci/run` installs both, so in CI
a missing browser fails the test instead of skipping it.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.slow


def _require_browser():
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright package")
    if not os.path.exists(CHROMIUM):
        missing.append("chromium (apt-get install chromium)")
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser test needs {' and '.join(missing)}; .ci/run should install them")
        pytest.skip(f"browser test needs {' and '.join(missing)}")


@pytest.fixture
def server(hand_db):
    _require_browser()
    import uvicorn

    from dyads.server.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(hand_db), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not running.started and time.time() < deadline:
        time.sleep(0.05)
    assert running.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        tab = browser.new_page()
        errors = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.goto(server)
        yield tab
        browser.close()
        assert not errors, f"JavaScript errors on the page: {errors}"


def test_the_page_lists_events_and_opens_one_in_its_document(page):
    page.wait_for_selector("#results tbody tr")
    # the counts come from their own request, which may answer after the events list
    page.wait_for_function("document.querySelector('#counts').textContent.trim() !== ''")
    assert "3 documents" in page.inner_text("#counts")
    rows = page.locator("#results tbody tr")
    assert rows.count() == 6
    page.locator("#results tbody tr", has_text="CONSULT").first.click()
    page.wait_for_selector("#document:not([hidden])")
    assert page.inner_text("#document-text").startswith("Iraq and Washington agreed.")
    assert page.locator("#document-text .trigger").count() == 1
    assert page.locator("#document-text .actor").count() >= 1


def test_the_page_filters_events_and_shows_relations(page):
    page.wait_for_selector("#results tbody tr")
    page.fill("input[name=actor]", "Tehran")
    page.select_option("select[name=type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelector('#message').textContent.startsWith('1 events')")
    page.click("#tabs button[data-view=relations]")
    page.fill("input[name=actor]", "")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelector('#message').textContent === '3 relations'")
    cells = page.locator("#results tbody tr").first.locator("td")
    assert [cells.nth(i).inner_text() for i in range(3)] == ["2021-04", "IRQGOV", "USAGOV"]


def test_a_slow_older_response_does_not_replace_the_newer_view(page):
    page.wait_for_selector("#results tbody tr")
    held = []
    page.route("**/api/events?*", lambda route: held.append(route))  # hold the events answer back
    page.click("#filters button[type=submit]")  # asks for events
    page.wait_for_function("document.querySelector('#message').textContent === 'Loading…'")
    page.click("#tabs button[data-view=relations]")  # then for relations, answered at once
    page.wait_for_function("document.querySelector('#message').textContent.endsWith(' relations')")
    assert held, "the events request was not held"
    with page.expect_response("**/api/events?*"):
        held[0].continue_()  # the older events answer arrives last and must be dropped
    page.wait_for_timeout(300)
    assert page.inner_text("#message").endswith(" relations")
    assert page.locator("#tabs button.active").get_attribute("data-view") == "relations"
