"""`followup report`: the exchange as a page a group can publish (HTML or Markdown)."""

from followup.report.model import Report, ReportOptions, build_report

__all__ = ["Report", "ReportOptions", "build_report"]
