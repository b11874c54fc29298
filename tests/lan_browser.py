"""Debian's headless chromium driven by selenium, for the room's page."""

from __future__ import annotations

import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
PHONE = (390, 844)
LAPTOP = (1280, 800)

needs_chromium = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="chromium and chromium-driver are not installed "
           "(apt-get install chromium chromium-driver; .ci/run does it as root)")


def open_browser(size=PHONE, lang="ja"):
    """A headless chromium of ``size``, preferring ``lang``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-extensions", f"--lang={lang}",
                f"--window-size={size[0]},{size[1]}"):
        opts.add_argument(arg)
    opts.add_experimental_option("prefs", {"intl.accept_languages": lang})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_window_size(*size)
    return driver


def wait(driver, predicate, timeout=15.0, message=""):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(
        lambda d: predicate(d), message)


def join(driver, url: str, name: str, group: str | None) -> None:
    """Open the page, choose ``name`` from the list and ``group``, join."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    driver.get(url)
    wait(driver, lambda d: d.find_element(By.ID, "join").is_displayed(), message="join form")
    Select(driver.find_element(By.ID, "name-pick")).select_by_visible_text(name)
    if group:
        driver.find_element(By.CSS_SELECTOR, f'#groups button[data-group="{group}"]').click()
    driver.find_element(By.ID, "join-button").click()
    wait(driver, lambda d: d.find_element(By.ID, "work").is_displayed(), message="work area")


def type_note(driver, text: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    box = driver.find_element(By.ID, "text")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


def listed(driver) -> list[str]:
    """The notes the page lists as sent (their text only, without author or state)."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#notes li:not(.empty):not(.waiting)'))"
        ".map(li => li.firstChild ? li.firstChild.textContent : '')")


def states(driver) -> list[str]:
    """The state each listed note shows (非公開, ボードに公開済み, 送信待ち)."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#notes li .state'))"
        ".map(e => e.textContent)")
