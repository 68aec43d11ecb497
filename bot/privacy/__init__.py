"""Keeping as little as possible of newcomers' conversations, and deleting for real."""
