"""``bench/README.md`` holds one section per benchmark, each between markers, so that each benchmark
rewrites its own figures and leaves the others' alone."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parent / "README.md"
ORDER = ("import", "checks")
HEADER = (
    "# Benchmarks\n\nFigures written by the scripts in `bench/` (`make bench`); do not edit by hand. "
    "Not timed tests.\n"
)


def _markers(name: str) -> tuple[str, str]:
    return f"<!-- bench:{name}:begin -->", f"<!-- bench:{name}:end -->"


def sections(text: str) -> dict[str, str]:
    found = {}
    for name in ORDER:
        begin, end = _markers(name)
        if begin in text and end in text:
            found[name] = text.split(begin, 1)[1].split(end, 1)[0].strip("\n")
    return found


def replace_section(name: str, body: str, path: Path = README) -> None:
    """Write ``body`` as the section ``name`` of the README, keeping the other sections."""
    current = sections(path.read_text(encoding="utf-8")) if path.exists() else {}
    current[name] = body.strip("\n")
    parts = [HEADER]
    for key in ORDER:
        if key in current:
            begin, end = _markers(key)
            parts.append(f"{begin}\n{current[key]}\n{end}\n")
    path.write_text("\n".join(parts), encoding="utf-8")
