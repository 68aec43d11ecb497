"""Channels start only when their environment variables are set; no secret on disk."""

from pathlib import Path

from bot.channels.enabled import credentials

BASE = Path(__file__).resolve().parents[1] / "credentials.yml"


def test_rest_and_socketio_always():
    creds = credentials(BASE, {})
    assert set(creds) == {"bot.channels.rest.RestInput", "bot.channels.socketio.SocketIOInput", "bot.channels.health.HealthInput"}


def test_platforms_when_all_their_variables_are_set():
    env = {"TELEGRAM_TOKEN": "a", "TELEGRAM_SECRET_TOKEN": "b", "TWILIO_ACCOUNT_SID": "c"}
    creds = credentials(BASE, env)
    assert "bot.channels.telegram.TelegramInput" in creds
    assert "bot.channels.twilio.TwilioInput" not in creds  # incomplete: stays off


def test_messenger_credentials_refer_to_the_environment():
    env = {"FACEBOOK_VERIFY": "v", "FACEBOOK_SECRET": "s3cr3t-value", "FACEBOOK_PAGE_ACCESS_TOKEN": "t"}
    creds = credentials(BASE, env)
    assert creds["facebook"] == {
        "verify": "${FACEBOOK_VERIFY}",
        "secret": "${FACEBOOK_SECRET}",
        "page-access-token": "${FACEBOOK_PAGE_ACCESS_TOKEN}",
    }
    assert "s3cr3t-value" not in str(creds)
