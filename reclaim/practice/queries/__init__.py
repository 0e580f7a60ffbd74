"""Every read a view or another app needs: public.py (the public site), area.py (the practice area), team.py (operator)."""
