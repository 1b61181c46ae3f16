"""The checks against the sample ledgers' answer key (issue 5, item 8): every planted problem is
flagged, and no suspicion of high severity touches a voucher where nothing was planted."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditdesk.services.answer_key import score
from auditdesk.services.checks import list_suspicions, run_ledger_checks
from auditdesk.services.context import Context
from auditdesk.services.demo import load_demo, read_manifest

SAMPLES = Path(__file__).resolve().parents[2] / "sample_ledgers"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Context:
    from auditdesk.services.context import open_context

    folder = tmp_path_factory.mktemp("demo")
    ctx = open_context(str(folder / "demo.db"), "测试员")
    result = load_demo(ctx, SAMPLES, folder / "documents")
    assert len(result.engagements) == 3
    for ledger in read_manifest(SAMPLES)["ledger"]:
        run_ledger_checks(ctx, unit=str(ledger["unit"]), year=int(ledger["year"]), views=False)
    return ctx


def test_every_planted_problem_is_flagged(demo: Context) -> None:
    scores = score(demo, SAMPLES)
    assert sum(len(s.planted) for s in scores) == 26
    missed = [(p.id, p.title) for s in scores for p in s.missed]
    assert missed == []


def test_no_high_severity_false_alarm_and_few_medium_ones(demo: Context) -> None:
    scores = score(demo, SAMPLES)
    assert all(s.false_alarms.get("high", 0) == 0 for s in scores), [s.false_alarms for s in scores]
    assert sum(s.false_alarms.get("medium", 0) for s in scores) <= 8


def test_the_checks_are_idempotent_on_a_real_ledger(demo: Context) -> None:
    unit, year = "青陉县人民医院工会委员会", 2024
    before = [(v.id, v.status) for v in list_suspicions(demo, unit=unit, year=year)]
    report = run_ledger_checks(demo, unit=unit, year=year)[0]
    assert report.new == 0 and report.no_longer_found == 0
    assert [(v.id, v.status) for v in list_suspicions(demo, unit=unit, year=year)] == before


def test_a_duplicate_pair_involves_the_amount_paid_twice(demo: Context) -> None:
    pairs = list_suspicions(demo, unit="青陉县人民医院工会委员会", year=2024, rule="duplicate_payments")
    planted = next(v for v in pairs if any(e.voucher == "记-13" and e.date.month == 3 for e in v.entries))
    assert len(planted.entries) == 2 and planted.amount == planted.entries[0].debit == 6480
