"""Pure domain: exact money, dates, ledger values, charts of accounts, checks. No I/O, no SQL, no UI."""
