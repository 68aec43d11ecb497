"""`make insights`: what newcomers ask, in which languages, what works, what is missing."""
