"""Which channels to start: REST and socket.io always; Telegram, Twilio and WhatsApp
when their environment variables are set. Writes the credentials file for `rasa run`."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

import yaml

REQUIRED = {
    "bot.channels.telegram.TelegramInput": ("TELEGRAM_TOKEN", "TELEGRAM_SECRET_TOKEN"),
    "bot.channels.twilio.TwilioInput": ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_NUMBER", "TWILIO_WEBHOOK_URL"),
    "bot.channels.whatsapp.WhatsAppInput": (
        "WHATSAPP_TOKEN",
        "WHATSAPP_APP_SECRET",
        "WHATSAPP_VERIFY_TOKEN",
        "WHATSAPP_PHONE_NUMBER_ID",
    ),
}


# Facebook Messenger: Rasa's own connector (it checks X-Hub-Signature itself). Rasa
# expands ${VAR} in the credentials file, so no secret is written to disk.
MESSENGER = {"verify": "FACEBOOK_VERIFY", "secret": "FACEBOOK_SECRET", "page-access-token": "FACEBOOK_PAGE_ACCESS_TOKEN"}


def credentials(base: Path, env: Mapping[str, str]) -> dict:
    creds = yaml.safe_load(base.read_text(encoding="utf-8")) or {}
    for channel, names in REQUIRED.items():
        if all(env.get(n) for n in names):
            creds[channel] = None  # connectors read their secrets from the environment
    if all(env.get(v) for v in MESSENGER.values()):
        creds["facebook"] = {key: "${" + var + "}" for key, var in MESSENGER.items()}
    return creds


def write(base: Path, out: Path, env: Mapping[str, str]) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(yaml.safe_dump(credentials(base, env)), encoding="utf-8")
    return out
