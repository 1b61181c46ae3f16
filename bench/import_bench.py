"""Import benchmark: a 100,000-row journal, imported end to end, against calamine's and pandas' bare reads.

Run ``python bench/import_bench.py`` (or ``make bench``). Each measurement runs in a fresh Python
process, so its peak memory is that process's own: ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` read
by the child at the end (the whole process: interpreter, imported libraries and data). Times are wall
clock (``time.perf_counter``) around the measured call only, after the imports; the best of N runs is
kept for time and the highest for memory. The generated workbook is cached under ``bench/out/``.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import platform
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
YEAR = 2024
GENERATOR_VERSION = 1
UNIT = "基准测试单位工会委员会"

# Targets of issue 3, item 7.
TARGET_CALAMINE_RATIO = 2.0  # full import within 2x of the bare calamine read
TARGET_PANDAS_RATIO = 5.0  # at least 5x faster than pandas.read_excel
TARGET_PEAK_MB = 500.0

_HEADER = ["日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额", "附件张数"]
_SPENDING = [
    ("50105", "会员活动支出", "会员生日慰问(蛋糕券)"),
    ("50105", "会员活动支出", "春节慰问品-米面油"),
    ("50105", "会员活动支出", "慰问住院会员"),
    ("50102", "文体活动支出", "职工篮球赛奖品"),
    ("50102", "文体活动支出", "工会小组文体活动费"),
    ("50101", "职工教育支出", "职工读书活动购书"),
    ("50103", "宣传活动支出", "宣传展板制作"),
    ("50301", "劳动和技能竞赛活动支出", "劳动竞赛奖金"),
    ("50302", "建家活动支出", "职工之家用品"),
    ("50404", "困难职工帮扶支出", "帮扶困难职工"),
    ("50405", "送温暖支出", "夏送清凉物资"),
    ("50501", "培训支出", "工会干部培训费"),
    ("50502", "会议支出", "工会委员会会议资料费"),
    ("50504", "其他业务支出", "银行转账手续费"),
]
_INCOME = [
    ("401", "会费收入", "收取会员会费"),
    ("402", "拨缴经费收入", "收到拨缴工会经费"),
    ("40301", "一般性转移支付补助", "收到上级回拨补助"),
    ("405", "行政补助收入", "收到行政补助"),
    ("408", "其他收入", "银行存款利息"),
]


# -- the workbook ----------------------------------------------------------------------------------
def journal_path(rows: int) -> Path:
    return OUT / f"journal-{rows}-v{GENERATOR_VERSION}.xlsx"


def generate(path: Path, rows: int, seed: int = 20240101) -> None:
    """A 序时账 of `rows` balanced lines (vouchers of 2-4 lines), title rows above the header."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("序时账")
    ws.append(["序时账"])
    ws.append([f"核算单位:{UNIT}", None, None, f"期间:{YEAR}年1月-{YEAR}年12月"])
    ws.append(_HEADER)
    days = [dt.date(YEAR, 1, 1) + dt.timedelta(days=i) for i in range(366)]
    per_day = rows / len(days)
    written = 0
    number = 0
    month = 0
    for index, day in enumerate(days):
        if day.month != month:
            month, number = day.month, 0
        target = round(per_day * (index + 1)) if index < len(days) - 1 else rows
        while written < target:
            size = rng.choice((2, 2, 2, 3, 3, 4))
            remaining = rows - written
            if remaining <= 4:
                size = remaining
            elif remaining - size == 1:  # never leave a single line for the last voucher
                size += 1
            number += 1
            for line in _voucher(rng, size):
                ws.append([day, f"记-{number}", *line])
            written += size
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    wb.save(tmp)
    tmp.replace(path)


def _voucher(rng: random.Random, size: int) -> list[list[Any]]:
    attachments = rng.randint(1, 6)
    if size == 2 and rng.random() < 0.3:
        code, name, text = rng.choice(_INCOME)
        amount = rng.randint(1000, 9_000_000) / 100
        return [[text, "102", "银行存款", amount, None, attachments], [text, code, name, None, amount, None]]
    lines: list[list[Any]] = []
    total = 0
    for _ in range(size - 1):
        code, name, text = rng.choice(_SPENDING)
        cents = rng.randint(50, 2_000_000)
        total += cents
        lines.append([text, code, name, cents / 100, None, attachments if not lines else None])
    lines.append([lines[0][0], "102", "银行存款", None, total / 100, None])
    return lines


# -- measurements, each run in a child process ---------------------------------------------------------
def _calamine(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    return len(CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python())


def _pandas(engine: str) -> Callable[[Path], int]:
    def run(path: Path) -> int:
        import pandas as pd

        return len(pd.read_excel(path, engine=engine))

    return run


def _parse(path: Path) -> int:
    from auditdesk.ingest import parse_ledger

    parsed = parse_ledger(path, YEAR)
    if parsed.problems:
        raise SystemExit(f"parse found {len(parsed.problems)} problems")
    return len(parsed.entries)


def _import_setup() -> Callable[[Path], int]:
    """open_context + add_unit happen before the clock starts; import_ledger is what is timed."""
    from auditdesk.services.context import open_context
    from auditdesk.services.imports import import_ledger
    from auditdesk.services.units import add_unit

    folder = tempfile.mkdtemp(prefix="auditdesk-bench-")
    ctx = open_context(db=str(Path(folder) / "bench.db"), actor="bench")
    add_unit(ctx, UNIT)

    def run(path: Path) -> int:
        report = import_ledger(ctx, path, UNIT, YEAR)
        if report.status != "imported":
            raise SystemExit(f"import {report.status}: {len(report.errors)} errors")
        return report.entries

    return run


MODES: dict[str, Callable[[], Callable[[Path], int]]] = {
    "calamine": lambda: _calamine,
    "pandas": lambda: _pandas("openpyxl"),
    "pandas_calamine": lambda: _pandas("calamine"),
    "parse": lambda: _parse,
    "import": _import_setup,
}
LABELS = {
    "calamine": "python-calamine bare read (to_python)",
    "pandas": "pandas.read_excel (engine openpyxl, default)",
    "pandas_calamine": "pandas.read_excel (engine calamine), extra",
    "parse": "auditdesk parse only (ingest.parse_ledger)",
    "import": "auditdesk full import (services.imports.import_ledger)",
}


def child(mode: str, path: Path) -> None:
    run = MODES[mode]()
    start = time.perf_counter()
    rows = run(path)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(json.dumps({"mode": mode, "rows": rows, "seconds": seconds, "peak_mb": peak_kb / 1024}))


@dataclass
class Result:
    mode: str
    rows: int
    seconds: float  # best of the runs
    peak_mb: float  # highest of the runs
    runs: list[float]

    @property
    def rate(self) -> float:
        return self.rows / self.seconds


def measure(mode: str, path: Path, runs: int, rows: int) -> Result:
    """Best time and highest peak of `runs` children; rows/s is over the file's `rows` entry rows."""
    times: list[float] = []
    peaks: list[float] = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(path)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"{mode} failed:\n{done.stderr[-3000:]}{done.stdout[-2000:]}")
        data = json.loads(done.stdout.strip().splitlines()[-1])
        times.append(data["seconds"])
        peaks.append(data["peak_mb"])
        if data["rows"] < rows:
            raise SystemExit(f"{mode} read only {data['rows']} rows of {rows}")
    return Result(mode, rows, min(times), max(peaks), times)


def profile(path: Path, top: int = 25) -> str:
    """cProfile of one full import, in this process; the top functions by cumulative time."""
    run = _import_setup()
    profiler = cProfile.Profile()
    profiler.runcall(run, path)
    out = _Capture()
    stats = pstats.Stats(profiler, stream=out)  # type: ignore[arg-type]
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.text


class _Capture:
    def __init__(self) -> None:
        self.text = ""

    def write(self, s: str) -> int:
        self.text += s
        return len(s)


# -- reporting ----------------------------------------------------------------------------------------
def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for dist in ("python-calamine", "openpyxl", "pandas", "SQLAlchemy", "sqlmodel"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "not installed"
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
        "libraries": ", ".join(f"{k} {v}" for k, v in versions.items()),
    }


def verdicts(results: dict[str, Result]) -> list[tuple[str, str, bool | None]]:
    full = results.get("import")
    cal = results["calamine"]
    pandas = results.get("pandas")
    out: list[tuple[str, str, bool | None]] = []
    if full is None:
        return [("full import", "not measured (services not available)", None)]
    ratio = full.seconds / cal.seconds
    out.append(
        (
            f"full import within {TARGET_CALAMINE_RATIO:g}x of bare calamine",
            f"{ratio:.2f}x",
            ratio <= TARGET_CALAMINE_RATIO,
        )
    )
    if pandas is not None:
        speed = pandas.seconds / full.seconds
        out.append(
            (
                f"full import >= {TARGET_PANDAS_RATIO:g}x faster than pandas.read_excel",
                f"{speed:.2f}x",
                speed >= TARGET_PANDAS_RATIO,
            )
        )
    out.append(
        (
            f"peak memory of the full import < {TARGET_PEAK_MB:g} MB",
            f"{full.peak_mb:.0f} MB",
            full.peak_mb < TARGET_PEAK_MB,
        )
    )
    return out


def report(path: Path, results: dict[str, Result], runs: int) -> str:
    info = machine()
    size_mb = path.stat().st_size / 1e6
    lines = [
        "## Import",
        "",
        "Generated by `bench/import_bench.py`.",
        "",
        f"- Date: {dt.date.today().isoformat()}",
        f"- Machine: {info['nproc']} CPUs ({info['cpu']}), {info['os']}",
        f"- Python {info['python']}; {info['libraries']}",
        f"- Input: a generated 序时账 of {results['calamine'].rows:,} entry rows (balanced vouchers of 2-4 "
        "lines) under 2 title rows and a header, "
        f"{size_mb:.1f} MB .xlsx (openpyxl write-only), cached in `bench/out/`.",
        f"- Method: each measurement in a fresh Python process; time = wall clock around the measured call "
        f"only (imports, and for the import the database creation and `add_unit`, are outside the clock), "
        f"**best of {runs}**; peak = the child's `ru_maxrss` (whole process), highest of the {runs} runs.",
        "- The full import is `services.imports.import_ledger` into a fresh SQLite file: read, parse, "
        "validate, resolve accounts, store in one transaction — what `auditdesk import` runs.",
        "",
        "| Measurement | Seconds (best) | Rows/s | Peak MB | All runs (s) |",
        "|---|---:|---:|---:|---|",
    ]
    for mode in MODES:
        if mode in results:
            r = results[mode]
            runs_text = ", ".join(f"{t:.2f}" for t in r.runs)
            lines.append(
                f"| {LABELS[mode]} | {r.seconds:.2f} | {r.rate:,.0f} | {r.peak_mb:.0f} | {runs_text} |"
            )
    lines += ["", "### Targets (issue 3, item 7)", "", "| Target | Measured | Met |", "|---|---:|---|"]
    for target, measured, met in verdicts(results):
        shown = "—" if met is None else ("met" if met else "**not met**")
        lines.append(f"| {target} | {measured} | {shown} |")
    full, cal, pandas = results.get("import"), results["calamine"], results.get("pandas")
    if full is not None:
        lines += [
            "",
            f"Ratios: full import / calamine = {full.seconds / cal.seconds:.2f}; "
            + (f"pandas / full import = {pandas.seconds / full.seconds:.2f}; " if pandas else "")
            + (
                f"parse only / calamine = {results['parse'].seconds / cal.seconds:.2f}."
                if "parse" in results
                else ""
            ),
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", nargs="*", choices=list(MODES), help="measure only these")
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite bench/README.md")
    parser.add_argument("--profile", action="store_true", help="cProfile one full import and print hotspots")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return 0
    path = journal_path(args.rows)
    if not path.exists():
        start = time.perf_counter()
        generate(path, args.rows)
        print(
            f"generated {path.name} ({path.stat().st_size / 1e6:.1f} MB) "
            f"in {time.perf_counter() - start:.1f}s"
        )
    if args.profile:
        print(profile(path))
        return 0
    modes = args.only or [m for m in MODES if m != "import" or _services_ready()]
    results: dict[str, Result] = {}
    for mode in modes:
        results[mode] = r = measure(mode, path, args.runs, args.rows)
        print(f"{LABELS[mode]:<58} {r.seconds:7.2f} s  {r.rate:>10,.0f} rows/s  {r.peak_mb:6.0f} MB peak")
    if "calamine" not in results:
        return 0
    for target, measured, met in verdicts(results):
        print(f"{target}: {measured} — {'n/a' if met is None else ('met' if met else 'NOT MET')}")
    if not args.no_readme and len(results) == len(MODES):
        from readme import replace_section

        replace_section("import", report(path, results, args.runs))
        print("wrote bench/README.md")
    return 0


def _services_ready() -> bool:
    return (ROOT / "auditdesk" / "services" / "imports.py").exists()


if __name__ == "__main__":
    raise SystemExit(main())
