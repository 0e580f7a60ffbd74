"""Django's PostgreSQL backend, with a cheaper check of a kept connection (see base.py)."""
