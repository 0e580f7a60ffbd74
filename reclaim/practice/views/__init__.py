"""The practice's pages: public.py (the public site), area.py (/practice/), operator.py (/operator/)."""
