"""One function per user action. The only code that writes the database; one transaction each."""
