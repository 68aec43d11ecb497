"""The web widget in real headless Chromium (Playwright), against the running stack."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]


def test_widget_assets_are_served(stack):
    page = requests.get("http://localhost:8080/", timeout=10)
    assert page.status_code == 200 and "/widget.js" in page.text
    assert "unsafe-inline" not in page.headers["Content-Security-Policy"]
    for path in ("/widget.js", "/widget.css", "/vendor/socket.io.min.js", "/widget/texts/ar.json"):
        assert requests.get(f"http://localhost:8080{path}", timeout=10).status_code == 200, path
    assert requests.get("http://localhost:8080/widget/texts/xx.json", timeout=10).status_code == 404


def test_widget_in_chromium(stack, tmp_path):
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    assert Path(chromium).exists(), "Chromium is needed: apt-get install chromium (.ci/run does)"
    node = shutil.which("node")
    assert node, "Node.js is needed for the browser test"
    env = {**os.environ, "CHROMIUM": chromium, "WAYFINDER_SCREENSHOT": str(ROOT / "docs" / "widget-arabic.png")}
    run = subprocess.run(
        [node, "--test", "tests/widget/widget.test.mjs"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
