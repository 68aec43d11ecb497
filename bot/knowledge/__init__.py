"""Per-country knowledge: load, validate, select and render answers."""
