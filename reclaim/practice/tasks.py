"""The practice's background jobs; Huey finds them through this module."""

from .tasks_consultations import send_consultation_reminders
from .tasks_webinars import forget_unconfirmed_registrations, send_webinar_reminders

__all__ = [
    "forget_unconfirmed_registrations",
    "send_consultation_reminders",
    "send_webinar_reminders",
]
