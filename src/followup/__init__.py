"""followup: triage a government body's written answers and draft the follow-up questions."""

__version__ = "0.1.0"
