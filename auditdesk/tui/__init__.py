"""The Textual shell of auditdesk: screens, widgets and styles; it calls the services only."""
