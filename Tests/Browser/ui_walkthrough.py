#!/usr/bin/env python3
"""Drives the real web UI in headless Chromium, as the people who use it would.

Builds a demo archive, adds one account per role, starts `vellum serve` on a free loopback
port, then: signs in, searches a Chinese word, opens the conversation, closes an alert, creates a
legal hold, files a privacy request, switches to Chinese. A failing step saves a screenshot and
the page source into the artefacts folder and the run exits 1.

Usage: ui_walkthrough.py --vellum .build/debug/vellum [--artifacts DIR]
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

# Sign-in hashes the password with bcrypt (cost 12): in a debug build on a loaded 2-core CI
# machine that takes seconds, so every navigation is awaited rather than assumed.
NAVIGATION_TIMEOUT = 60

PASSWORD = "a walkthrough passphrase"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def left_page(old):
    """Like Selenium's staleness_of, but a check that races the navigation itself counts as left:
    Chromium then answers "Node with given id does not belong to the document" (a plain
    WebDriverException, not a stale-element one), which staleness_of lets escape."""
    def check(_driver):
        try:
            old.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            if "does not belong to the document" in str(e):
                return True
            raise
    return check


class Walkthrough:
    def __init__(self, vellum, artifacts):
        self.vellum = os.path.abspath(vellum)
        self.artifacts = artifacts
        self.work = tempfile.mkdtemp(prefix="vellum-browser-")
        self.data = os.path.join(self.work, "archive")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.server = None
        self.driver = None
        self.failures = []

    # -- set-up ---------------------------------------------------------------------------
    def start(self):
        subprocess.run([self.vellum, "demo", "--data", self.data, "--no-serve"], check=True, stdout=subprocess.DEVNULL)
        for role in ["compliance", "privacy", "legal", "auditor", "admin"]:
            subprocess.run([self.vellum, "users", "add", role, "--role", role, "--password-stdin", "--data", self.data],
                           input=PASSWORD + "\n", text=True, check=True, stdout=subprocess.DEVNULL)
        self.log = open(os.path.join(self.work, "serve.log"), "w")
        self.server = subprocess.Popen(
            [self.vellum, "serve", "--data", self.data, "--port", str(self.port), "--retention-sweep-hours", "0"],
            stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(200):
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=1)
                break
            except Exception:
                time.sleep(0.1)
        else:
            raise RuntimeError("the server did not start; see serve.log")
        options = webdriver.ChromeOptions()
        for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-GB"]:
            options.add_argument(a)
        if shutil.which("chromium"):
            options.binary_location = shutil.which("chromium")
        service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(options=options, service=service)
        self.driver.implicitly_wait(3)

    def stop(self):
        if self.driver:
            self.driver.quit()
        if self.server:
            self.server.terminate()
            try:
                self.server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.server.kill()
        if self.failures:
            shutil.copy(os.path.join(self.work, "serve.log"), os.path.join(self.artifacts, "serve.log"))
        shutil.rmtree(self.work, ignore_errors=True)

    # -- helpers --------------------------------------------------------------------------
    def step(self, name, fn):
        try:
            fn()
            print(f"  ok   {name}")
        except Exception:
            self.failures.append(name)
            slug = "".join(c if c.isalnum() else "-" for c in name)[:60]
            os.makedirs(self.artifacts, exist_ok=True)
            self.driver.save_screenshot(os.path.join(self.artifacts, f"{slug}.png"))
            with open(os.path.join(self.artifacts, f"{slug}.html"), "w") as f:
                f.write(self.driver.page_source)
            print(f"  FAIL {name} (screenshot in {self.artifacts})")
            traceback.print_exc()

    def go(self, path):
        self.driver.get(self.base + path)

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def expect(self, condition, what):
        if not condition:
            raise AssertionError(f"{what} (on {self.driver.current_url}: {self.text()[:300]!r})")

    def await_navigation(self, action):
        """Runs `action` (a click or a submit) and waits until the browser has left the page and
        loaded the next one, so that what follows never races an in-flight request."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        action()
        WebDriverWait(self.driver, NAVIGATION_TIMEOUT).until(left_page(old))
        WebDriverWait(self.driver, NAVIGATION_TIMEOUT).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def sign_in(self, username):
        self.driver.delete_all_cookies()
        self.go("/login")
        self.driver.find_element(By.NAME, "username").send_keys(username)
        self.driver.find_element(By.NAME, "password").send_keys(PASSWORD)
        button = self.driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]")
        self.await_navigation(button.click)
        self.expect(self.driver.current_url.rstrip("/") == self.base, f"signed in lands on the dashboard, not {self.driver.current_url}")
        self.expect("Signed in as" in self.text() and username in self.text(), "the header names the user")

    def submit(self, form):
        self.await_navigation(form.find_element(By.CSS_SELECTOR, "button[type=submit]").click)

    # -- the walkthrough ------------------------------------------------------------------
    def run(self):
        self.step("compliance signs in", lambda: self.sign_in("compliance"))
        self.step("a wrong password is refused", self.wrong_password)
        self.step("compliance signs in again", lambda: self.sign_in("compliance"))
        self.step("search a Chinese word", self.search_chinese)
        self.step("open the conversation", self.open_conversation)
        self.step("close an alert", self.close_alert)
        self.step("legal creates a hold", self.create_hold)
        self.step("privacy files a request", self.file_privacy_request)
        self.step("the auditor sees the access log, not messages", self.auditor)
        self.step("the UI switches to Chinese", self.chinese)
        return not self.failures

    def wrong_password(self):
        self.driver.delete_all_cookies()
        self.go("/login")
        self.driver.find_element(By.NAME, "username").send_keys("compliance")
        self.driver.find_element(By.NAME, "password").send_keys("not the password at all")
        button = self.driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]")
        self.await_navigation(button.click)
        self.expect("/login" in self.driver.current_url, "stays on the sign-in page")
        self.expect("wrong" in self.text(), "says the sign-in failed")

    def search_chinese(self):
        self.go("/search")
        box = self.driver.find_element(By.NAME, "q")
        box.send_keys("合同")
        self.await_navigation(box.submit)
        self.expect("合同" in self.text(), "hits contain the word")
        self.hits = self.driver.find_elements(By.CSS_SELECTOR, "a[href^='/records/']")
        self.expect(len(self.hits) > 0, "there are hits linking to records")

    def open_conversation(self):
        self.await_navigation(self.driver.find_elements(By.CSS_SELECTOR, "a[href^='/records/']")[0].click)
        self.expect("/records/" in self.driver.current_url, "the record page opened")
        bubbles = self.driver.find_elements(By.CSS_SELECTOR, ".bubble")
        self.expect(len(bubbles) > 0, "the conversation shows chat bubbles")
        self.expect("合同" in self.text(), "the message is there")

    def close_alert(self):
        self.go("/alerts")
        links = [a.get_attribute("href") for a in self.driver.find_elements(By.CSS_SELECTOR, "a[href^='/alerts/']")
                 if a.get_attribute("href").rstrip("/").split("/")[-1].isdigit()]
        self.expect(links, "the queue lists alerts")
        self.driver.get(links[0])
        alert_id = links[0].rstrip("/").split("/")[-1]
        status = self.driver.find_element(By.CSS_SELECTOR, "h1 .status").text
        self.expect(status != "closed", f"alert {alert_id} starts open ({status})")
        form = self.driver.find_element(By.XPATH, "//form[.//input[@name='action' and @value='close']]")
        Select(form.find_element(By.NAME, "disposition")).select_by_value("false_positive")
        form.find_element(By.NAME, "note").send_keys("Test card used by the payments team (browser walkthrough).")
        self.submit(form)
        self.driver.get(self.base + f"/alerts/{alert_id}")
        status = self.driver.find_element(By.CSS_SELECTOR, "h1 .status").text
        self.expect(status == "closed", f"alert {alert_id} shows as closed, not {status}")

    def create_hold(self):
        self.sign_in("legal")
        self.go("/holds")
        self.expect("SEC inquiry HO-77" not in self.text(), "no such hold before")
        form = self.driver.find_element(By.CSS_SELECTOR, "form[action='/holds']")
        form.find_element(By.NAME, "matter").send_keys("SEC inquiry HO-77")
        form.find_element(By.NAME, "reason").send_keys("Document request of 2026-11-29")
        self.submit(form)
        self.go("/holds")
        self.expect("SEC inquiry HO-77" in self.text(), "the new hold is listed")

    def file_privacy_request(self):
        self.sign_in("privacy")
        self.go("/privacy")
        before = self.text().count("PR-")
        form = self.driver.find_element(By.CSS_SELECTOR, "form[action='/privacy']")
        Select(form.find_element(By.NAME, "type")).select_by_value("access")
        Select(form.find_element(By.NAME, "law")).select_by_value("pipl")
        form.find_element(By.NAME, "subjects").send_keys("+85291230001")
        self.submit(form)
        self.go("/privacy")
        self.expect(self.text().count("PR-") > before, "the new request is listed with its id")

    def auditor(self):
        self.sign_in("auditor")
        self.go("/audit")
        self.expect("user:compliance" in self.text(), "the access log names who searched")
        self.go("/search")
        self.expect("403" in self.text() or "may not" in self.text(), "the auditor cannot search messages")

    def chinese(self):
        self.go("/")
        self.await_navigation(self.driver.find_element(By.CSS_SELECTOR, "a.lang").click)
        self.expect("概览" in self.text(), "the dashboard is in Chinese")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--vellum", default=".build/debug/vellum")
    p.add_argument("--artifacts", default="browser-artifacts")
    args = p.parse_args()
    w = Walkthrough(args.vellum, os.path.abspath(args.artifacts))
    print(f"Browser walkthrough against {args.vellum}")
    ok = False
    try:
        w.start()
        ok = w.run()
    finally:
        w.stop()
    print("browser walkthrough: " + ("passed" if ok else f"FAILED: {', '.join(w.failures)}"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
