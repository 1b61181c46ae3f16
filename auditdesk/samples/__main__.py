"""``python -m auditdesk.samples OUTDIR``: write the sample ledgers and their manifest."""

from __future__ import annotations

import sys
from pathlib import Path

from auditdesk.samples import generate


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] in ("-h", "--help"):
        print("usage: python -m auditdesk.samples OUTDIR", file=sys.stderr)
        return 2
    for path in generate(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
