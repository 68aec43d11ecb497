"""No token, key or password may be committed: secrets come from the environment."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PATTERNS = {
    "Telegram bot token": re.compile(r"\b\d{8,10}:[A-Za-z0-9_-]{35}\b"),
    "Twilio account or key id": re.compile(r"\b(?:AC|SK)[0-9a-f]{32}\b"),
    "Meta/WhatsApp access token": re.compile(r"\bEAA[A-Za-z0-9]{60,}\b"),
    "AWS access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH )?PRIVATE KEY-----"),
    # placeholders such as <password>, CHANGE_ME, ${VAR} or {self.password} are fine
    "password in a URL": re.compile(r"\b[a-z]+://[^\s:/@]+:(?!<[^>]*>@|CHANGE_ME@|\$?\{[^}]*\}@)[^\s:/@]{6,}@"),
    "hard-coded secret": re.compile(r"(?i)\b(?:secret|token|password|api_key)\s*[:=]\s*['\"][A-Za-z0-9/+_-]{16,}['\"]"),
}


def tracked_files():
    try:
        out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
        return [ROOT / line for line in out.splitlines()]
    except (OSError, subprocess.CalledProcessError):
        return [p for p in ROOT.rglob("*") if p.is_file() and ".venv" not in p.parts and ".git" not in p.parts]


def find_secrets(text):
    return [name for name, pattern in PATTERNS.items() if pattern.search(text)]


def test_the_patterns_catch_real_looking_secrets():
    assert find_secrets("TELEGRAM_TOKEN=123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq") == ["Telegram bot token"]
    assert "password in a URL" in find_secrets("postgresql://rasa:hunter2secret@db:5432/rasa")
    assert find_secrets("token = os.environ['TELEGRAM_TOKEN']") == []
    assert find_secrets("postgresql://user:<password>@host/db and redis://:CHANGE_ME@redis:6379") == []


def test_no_secret_is_committed():
    found = []
    for path in tracked_files():
        if not path.is_file() or path.suffix in (".png", ".gz", ".pdf"):
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        if path.name == "test_no_secrets.py":
            continue
        found += [f"{path.relative_to(ROOT)}: {name}" for name in find_secrets(text)]
    assert found == []
