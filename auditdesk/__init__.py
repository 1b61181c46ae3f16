"""auditdesk (经审台): funds audit desk for county trade-union federations."""

__version__ = "0.1.0"
