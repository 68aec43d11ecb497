"""Wayfinder: Rasa components, knowledge access, NLG and web side."""
