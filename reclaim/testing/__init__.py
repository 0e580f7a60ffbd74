"""Helpers shared by the test suite (loaded as a pytest plugin, see pyproject)."""
