"""The practice's background jobs; Huey finds them through this module."""

from .tasks_webinars import send_webinar_reminders

__all__ = ["send_webinar_reminders"]
