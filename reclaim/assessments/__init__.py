"""Questionnaires a member can take, and how their answers are scored.

The instrument definitions (``instruments``) and the scoring (``scoring``) are
plain Python on purpose: they hold no Django models or views, so they can be
tested without a database and reused by the results pages, the progress charts
and the therapy-ready summary alike.
"""
