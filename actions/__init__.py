"""rasa-sdk actions: thin wrappers that call into bot/."""

from bot.privacy import logs

logs.install()  # the action server logs through the root logger too: redact it
