"""Every write in the practice: articles and profiles (articles.py), the team (team.py).

Each action validates, writes, and records an audit line in one transaction.
"""
