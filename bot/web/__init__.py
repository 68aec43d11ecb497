"""Our aiohttp app: the NLG endpoint (and the web widget)."""
