"""Load generator and benchmark of Wayfinder against a plain `rasa init` assistant."""
