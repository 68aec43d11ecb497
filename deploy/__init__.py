"""Starting Wayfinder's processes on one machine: `make run` and `make run-scaled`."""
