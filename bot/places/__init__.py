"""Finding countries and cities in messages (multilingual gazetteer)."""
