"""Safety: risk detection, safety plans and crisis lines.

Kept light on purpose: importing this package must not import Django models,
so the detector can run in benchmarks, tasks and tests without settings.
"""

from reclaim.safety.detection import RiskAssessment, detect

__all__ = ["RiskAssessment", "detect"]
