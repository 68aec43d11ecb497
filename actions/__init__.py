"""rasa-sdk actions: thin wrappers that call into bot/."""
