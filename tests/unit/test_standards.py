"""Standards files: the [plan] weights are validated, and a user's copy overrides the shipped file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.standards import load_plan_weights
from auditdesk.services.errors import ServiceError
from auditdesk.services.standards import plan_weights, shipped_standards_dir, user_standards_dir

GOOD = """
[profile]
name = "测试口径"
scope = "仅用于测试"

[plan]
size = 3
never_audited = 50
per_year_since_audit = 10
years_cap = 40
fund_thresholds = [100000, 500000]
fund_points = [10, 20]
per_open_finding = 5
per_overdue_finding = 5
rectification_cap = 30
per_past_finding = 2
past_findings_cap = 20
past_amount_thresholds = [10000]
past_amount_points = [5]
no_ledger = 15

[caps]  # tables of later features are left alone
gifts = 1500
"""


def _error(text: str) -> AuditdeskError:
    with pytest.raises(AuditdeskError) as info:
        load_plan_weights(text, "x.toml")
    return info.value


def test_a_good_file() -> None:
    w = load_plan_weights(GOOD, "x.toml")
    assert (w.profile, w.size, w.never_audited, w.years_cap) == ("测试口径", 3, 50, 40)
    assert w.fund_thresholds == (100000, 500000) and w.fund_points == (10, 20)
    assert list(w.table())[:2] == ["size", "never_audited"] and w.table()["no_ledger"] == 15


def test_the_shipped_file_is_valid() -> None:
    path = shipped_standards_dir() / "national.toml"
    w = load_plan_weights(path.read_text(encoding="utf-8"), str(path))
    assert w.profile == "全国通用" and w.size >= 1 and w.never_audited >= w.years_cap


def test_an_unknown_key_is_named() -> None:
    err = _error(GOOD.replace("no_ledger = 15", "no_ledger = 15\nno_ledgr = 3"))
    assert err.key == "standards.bad_key"
    assert err.params["setting"] == "plan.no_ledgr" and err.params["reason"] == "standards.reason.unknown"
    assert err.params["file"] == "x.toml"


def test_a_missing_key_and_a_missing_table() -> None:
    err = _error(GOOD.replace("years_cap = 40\n", ""))
    assert (err.params["setting"], err.params["reason"]) == ("plan.years_cap", "standards.reason.missing")
    err = _error(GOOD.replace("[plan]", "[plna]"))
    assert (err.params["setting"], err.params["reason"]) == ("plan", "standards.reason.missing_table")


@pytest.mark.parametrize(
    ("old", "new", "setting", "reason"),
    [
        ("size = 3", "size = 3.0", "plan.size", "standards.reason.not_whole"),
        ("size = 3", 'size = "3"', "plan.size", "standards.reason.not_whole"),
        ("size = 3", "size = true", "plan.size", "standards.reason.not_whole"),
        ("no_ledger = 15", "no_ledger = -1", "plan.no_ledger", "standards.reason.negative"),
        ("fund_points = [10, 20]", "fund_points = 10", "plan.fund_points", "standards.reason.not_list"),
        ("fund_points = [10, 20]", 'fund_points = [10, "x"]', "plan.fund_points[1]",
         "standards.reason.not_whole"),
        ("fund_points = [10, 20]", "fund_points = [10]", "plan.fund_points", "standards.reason.band_length"),
        ("[100000, 500000]", "[500000, 100000]", "plan.fund_thresholds", "standards.reason.not_rising"),
        ("never_audited = 50", "never_audited = 30", "plan.never_audited",
         "standards.reason.never_below_cap"),
        ('name = "测试口径"', "name = 3", "profile.name", "standards.reason.not_text"),
    ],
)
def test_wrong_values_are_named(old: str, new: str, setting: str, reason: str) -> None:
    assert old in GOOD
    err = _error(GOOD.replace(old, new, 1))
    assert (err.params["setting"], err.params["reason"]) == (setting, reason)


def test_bad_toml_syntax() -> None:
    assert _error("[plan\nsize = 3").key == "standards.bad_toml"


def test_the_user_copy_overrides_the_shipped_file(tmp_path: Path) -> None:
    weights, path = plan_weights()
    assert path == shipped_standards_dir() / "national.toml" and weights.profile == "全国通用"
    user = user_standards_dir()
    assert str(user).startswith(os.environ["XDG_DATA_HOME"])  # the test's own data dir, never the real one
    user.mkdir(parents=True)
    (user / "national.toml").write_text(GOOD, encoding="utf-8")
    weights, path = plan_weights()
    assert path == user / "national.toml" and weights.profile == "测试口径" and weights.size == 3


def test_a_broken_user_copy_is_reported_in_words(tmp_path: Path) -> None:
    user = user_standards_dir()
    user.mkdir(parents=True)
    (user / "national.toml").write_text(GOOD.replace("size = 3", "size = 3.5"), encoding="utf-8")
    with pytest.raises(ServiceError) as info:
        plan_weights()
    params = info.value.params
    assert params["setting"] == "plan.size" and "不是整数" in params["reason"]


def test_a_missing_file_is_an_error() -> None:
    with pytest.raises(ServiceError) as info:
        plan_weights("nowhere.toml")
    assert info.value.key == "standards.missing"
