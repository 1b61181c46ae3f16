"""Standards profiles: shipped files load, versions apply by date, ``extends`` resolves, errors name keys."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.standards import (
    KEYWORD_IDS,
    RULE_IDS,
    RULE_UNITS,
    STRENGTHS,
    RuleVersion,
    Standards,
    load_plan_weights,
    load_profile,
)
from auditdesk.services.errors import ServiceError
from auditdesk.services.standards import (
    list_profiles,
    load_standards,
    shipped_standards_dir,
    user_standards_dir,
)

SHIPPED = ("anhui", "beijing", "fujian", "heilongjiang", "henan", "hubei", "national")

BASE = """
[profile]
name = "基础"
scope = "测试"

[rules]
gift_holidays = ["春节", "中秋节"]
cash = ["慰问金不以现金发放"]

[rules.keywords.shopping_cards]
words = ["购物卡", "代金券"]
allowed = ["提货券"]
basis = "32号"

[[rules.birthday]]
value = "300"
province = "全国"
document = "基础文件"
effective = 2018-01-01
source = "https://example.org/base"
strength = "secondary"
"""

CHILD = """
extends = "base"

[profile]
name = "子省"
scope = "测试"

[[rules.holiday_gifts]]
value = "1500"
province = "子省"
document = "旧办法"
effective = 2018-03-12
source = "https://example.org/a"
strength = "secondary"

[[rules.holiday_gifts]]
value = "2200.50"
province = "子省"
document = "新办法"
effective = "2025-08-21"
source = "https://example.org/b"
strength = "unverified"
note = "全年合计"
"""


def _load(child: str = CHILD, base: str = BASE) -> Standards:
    return load_profile({"base": base, "child": child}, "child")


def _at(s: Standards, rule_id: str, day: dt.date) -> RuleVersion:
    version = s.value(rule_id, day)
    assert version is not None
    return version


def _error(child: str = CHILD, base: str = BASE) -> AuditdeskError:
    with pytest.raises(AuditdeskError) as info:
        load_profile({"base": base, "child": child}, "child", {"base": "b.toml", "child": "c.toml"})
    return info.value


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_profile_loads(name: str) -> None:
    s = load_standards(name)
    assert s.name == name and s.title and s.chain[-1] == "national"
    assert "春节" in s.gift_holidays and s.keyword_list("shopping_cards") is not None
    for rule in s.rules:
        assert rule.id in RULE_IDS and rule.versions and rule.unit == RULE_UNITS[rule.id]
        assert all(v.strength in STRENGTHS and v.source and v.document for v in rule.versions)
    assert [r.id for r in s.rules] == [r for r in RULE_IDS if s.rule(r) is not None]  # in RULE_IDS order
    if name != "national":  # a province caps holiday gifts per member or as a share of income
        assert s.rule("holiday_gifts") is not None or s.rule("holiday_gifts_share") is not None
    # the lists other checks read by name come from the national profile
    assert {"condolence", "gift_occasions"} <= {k.id for k in s.keywords}
    assert s.value("cash_payment", dt.date(2024, 6, 1)) is not None


def test_the_national_file_still_gives_the_plan_weights() -> None:
    path = shipped_standards_dir() / "national.toml"
    assert load_plan_weights(path.read_text(encoding="utf-8"), str(path)).size >= 1
    national = load_standards("national")
    assert national.chain == ("national",)
    assert [r.id for r in national.rules] == ["cash_payment", "retained_share"]
    cards = national.keyword_list("shopping_cards")
    assert cards is not None and "购物卡" in cards.words and cards.allowed == ("提货券",)


def test_anhui_versions_by_date() -> None:
    s = load_standards("anhui.toml")
    assert s.value("holiday_gifts", dt.date(2018, 3, 11)) is None
    first = s.value("holiday_gifts", dt.date(2018, 3, 12))
    assert first is not None and first.value == Decimal("1500") and first.strength == "secondary"
    assert s.value("holiday_gifts", dt.date(2024, 6, 1)) == first
    assert s.value("holiday_gifts", dt.date(2025, 8, 20)) == first
    last = s.value("holiday_gifts", dt.date(2025, 8, 21))
    assert last is not None and last.value == Decimal("2200") and last.strength == "unverified"


def test_versions_before_between_after_and_extends() -> None:
    s = _load()
    assert s.chain == ("child", "base") and s.title == "子省"
    assert s.value("holiday_gifts", dt.date(2018, 3, 11)) is None
    assert _at(s, "holiday_gifts", dt.date(2020, 1, 1)).document == "旧办法"
    after = _at(s, "holiday_gifts", dt.date(2030, 1, 1))
    assert after.document == "新办法" and after.note == "全年合计"
    # exact Decimal, never float
    assert after.value == Decimal("2200.50") and isinstance(after.value, Decimal)
    assert str(after.value) == "2200.50"
    # the parent's rules and lists come through; a rule the chain lacks is None
    assert _at(s, "birthday", dt.date(2020, 1, 1)).value == Decimal("300")
    assert s.gift_holidays == ("春节", "中秋节")
    assert s.value("wedding", dt.date(2020, 1, 1)) is None
    with pytest.raises(KeyError):
        s.value("no_such_rule", dt.date(2020, 1, 1))


def test_a_child_rule_replaces_the_parents() -> None:
    child = CHILD.replace('extends = "base"', 'extends = "base"\n\n[rules]\ngift_holidays = ["国庆节"]')
    child += '\n[[rules.birthday]]\nvalue = "500"\nprovince = "子省"\ndocument = "新办法"\n' \
             'effective = 2025-08-21\nsource = "x"\nstrength = "unverified"\n'
    s = _load(child)
    assert s.gift_holidays == ("国庆节",)
    assert s.value("birthday", dt.date(2020, 1, 1)) is None
    assert _at(s, "birthday", dt.date(2026, 1, 1)).value == Decimal("500")


@pytest.mark.parametrize(
    ("old", "new", "file", "setting", "reason"),
    [
        ('strength = "unverified"', 'strength = "unverified"\nvalu = "1"', "c.toml",
         "rules.holiday_gifts[1].valu", "standards.reason.unknown"),
        ('value = "1500"\n', "", "c.toml", "rules.holiday_gifts[0].value", "standards.reason.missing"),
        ('value = "1500"', 'value = "一千五"', "c.toml", "rules.holiday_gifts[0].value",
         "standards.reason.bad_amount"),
        ('value = "1500"', "value = 1500.0", "c.toml", "rules.holiday_gifts[0].value",
         "standards.reason.bad_amount"),
        ('value = "1500"', 'value = "-1500"', "c.toml", "rules.holiday_gifts[0].value",
         "standards.reason.negative"),
        ("effective = 2018-03-12", 'effective = "2018-02-30"', "c.toml", "rules.holiday_gifts[0].effective",
         "standards.reason.bad_date"),
        ("effective = 2018-03-12", "effective = 2026-01-01", "c.toml", "rules.holiday_gifts[1].effective",
         "standards.reason.not_in_date_order"),
        ('strength = "secondary"', 'strength = "official-ish"', "c.toml", "rules.holiday_gifts[0].strength",
         "standards.reason.bad_strength"),
        ('extends = "base"', 'extends = "nowhere"', "c.toml", "extends", "standards.reason.unknown_profile"),
        ('extends = "base"', 'extends = "base"\n[caps]\ngifts = 1', "c.toml", "caps",
         "standards.reason.unknown"),
        ("[[rules.holiday_gifts]]", "[[rules.holiday_gift]]", "c.toml", "rules.holiday_gift",
         "standards.reason.unknown"),
    ],
)
def test_errors_name_the_file_and_the_key(old: str, new: str, file: str, setting: str, reason: str) -> None:
    assert old in CHILD
    err = _error(CHILD.replace(old, new, 1))
    assert err.key == "standards.bad_key"
    assert (err.params["file"], err.params["setting"], err.params["reason"]) == (file, setting, reason)


@pytest.mark.parametrize(
    ("old", "new", "setting", "reason"),
    [
        ('words = ["购物卡", "代金券"]', 'words = "购物卡"', "rules.keywords.shopping_cards.words",
         "standards.reason.not_text_list"),
        ("[rules.keywords.shopping_cards]", "[rules.keywords.shoping_cards]", "rules.keywords.shoping_cards",
         "standards.reason.unknown"),
        ('name = "基础"', "name = 3", "profile.name", "standards.reason.not_text"),
    ],
)
def test_errors_in_the_parent_name_the_parent(old: str, new: str, setting: str, reason: str) -> None:
    assert old in BASE
    err = _error(base=BASE.replace(old, new, 1))
    assert (err.params["file"], err.params["setting"], err.params["reason"]) == ("b.toml", setting, reason)


def test_an_extends_cycle_and_an_unknown_profile() -> None:
    err = _error(base=BASE.replace("[profile]", 'extends = "child"\n[profile]'))
    assert (err.params["setting"], err.params["reason"]) == ("extends", "standards.reason.extends_cycle")
    with pytest.raises(AuditdeskError) as info:
        load_profile({"base": BASE}, "nowhere")
    assert info.value.key == "standards.unknown_profile"


def test_a_user_copy_overrides_one_file_and_errors_are_in_words(tmp_path: Path) -> None:
    user = user_standards_dir()
    user.mkdir(parents=True)
    anhui = (shipped_standards_dir() / "anhui.toml").read_text(encoding="utf-8")
    (user / "anhui.toml").write_text(anhui.replace('value = "1500"', 'value = "1800"'), encoding="utf-8")
    s = load_standards("anhui")
    assert _at(s, "holiday_gifts", dt.date(2024, 6, 1)).value == Decimal("1800")
    assert s.keyword_list("tourism") is not None  # national still comes from the shipped file
    infos = {p.name: p for p in list_profiles()}
    assert infos["anhui"].is_user_copy and infos["anhui"].path == user / "anhui.toml"
    assert not infos["national"].is_user_copy and infos["hubei"].title == "湖北省"
    (user / "anhui.toml").write_text(anhui.replace("effective = 2018-03-12", 'effective = "2018-13-12"', 1),
                                     encoding="utf-8")
    with pytest.raises(ServiceError) as info:
        load_standards("anhui")
    params = info.value.params
    assert params["file"] == str(user / "anhui.toml")
    assert params["setting"] == "rules.holiday_gifts[0].effective"
    assert "不是有效日期" in params["reason"]


def test_national_thresholds_shares_and_lists() -> None:
    national = load_standards("national")
    assert national.value("cash_payment", dt.date(1988, 9, 30)) is None
    limit = _at(national, "cash_payment", dt.date(2024, 1, 1))
    assert limit.value == Decimal("1000") and limit.effective == dt.date(1988, 10, 1)
    assert limit.strength == "official" and "现金管理暂行条例" in limit.document
    share = _at(national, "retained_share", dt.date(2024, 1, 1))
    assert share.value == Decimal("60") and share.strength == "secondary"
    assert national.rule("retained_share") is not None
    assert national.rule("retained_share").unit == "percent"  # type: ignore[union-attr]
    # no national number for these: nothing is invented
    for rule_id in ("collective_decision", "cash_balance", "hardship_aid"):
        assert national.rule(rule_id) is None
    condolence = national.keyword_list("condolence")
    assert condolence is not None and "慰问金" in condolence.words and "购买" in condolence.allowed
    occasions = national.keyword_list("gift_occasions")
    assert occasions is not None and {"生日", "结婚", "住院", "退休"} <= set(occasions.words)
    assert set(KEYWORD_IDS) == {k.id for k in national.keywords}
    anhui = load_standards("anhui")
    assert anhui.value("hardship_aid", dt.date(2025, 8, 20)) is None
    aid = _at(anhui, "hardship_aid", dt.date(2025, 9, 1))
    assert aid.value == Decimal("2000") and aid.strength == "unverified"


THRESHOLDS = """
[[rules.collective_decision]]
value = "10000"
province = "子省"
document = "集体决策办法"
effective = 2020-01-01
source = "https://example.org/c"
strength = "unverified"

[[rules.retained_share]]
value = "60"
province = "子省"
document = "分成办法"
effective = 2020-01-01
source = "https://example.org/s"
strength = "secondary"

[[rules.retained_share]]
value = "70.5"
province = "子省"
document = "新分成办法"
effective = 2024-01-01
source = "https://example.org/s2"
strength = "secondary"

[rules.keywords.condolence]
words = ["慰问金"]
allowed = ["水果"]
basis = "转账发放"
"""


def test_thresholds_and_shares_load_by_date() -> None:
    s = _load(CHILD + THRESHOLDS)
    assert _at(s, "collective_decision", dt.date(2021, 1, 1)).value == Decimal("10000")
    assert _at(s, "retained_share", dt.date(2023, 12, 31)).value == Decimal("60")
    assert _at(s, "retained_share", dt.date(2024, 1, 1)).value == Decimal("70.5")
    assert [r.id for r in s.rules] == ["holiday_gifts", "birthday", "collective_decision", "retained_share"]
    assert s.value("cash_balance", dt.date(2024, 1, 1)) is None
    condolence = s.keyword_list("condolence")
    assert condolence is not None and condolence.allowed == ("水果",)
    assert s.keyword_list("gift_occasions") is None  # neither file gives it


@pytest.mark.parametrize(
    ("old", "new", "setting", "reason"),
    [
        ('value = "70.5"', 'value = "120"', "rules.retained_share[1].value", "standards.reason.bad_percent"),
        ('value = "70.5"', 'value = "0"', "rules.retained_share[1].value", "standards.reason.bad_percent"),
        ('value = "70.5"', 'value = "六成"', "rules.retained_share[1].value", "standards.reason.bad_amount"),
        ('value = "10000"', 'value = "-1"', "rules.collective_decision[0].value",
         "standards.reason.negative"),
        ("effective = 2024-01-01", "effective = 2019-01-01", "rules.retained_share[1].effective",
         "standards.reason.not_in_date_order"),
        ('document = "集体决策办法"\n', "", "rules.collective_decision[0].document",
         "standards.reason.missing"),
        ("[[rules.collective_decision]]", "[[rules.collective]]", "rules.collective",
         "standards.reason.unknown"),
        ("[rules.keywords.condolence]", "[rules.keywords.condolences]", "rules.keywords.condolences",
         "standards.reason.unknown"),
        ('words = ["慰问金"]', "words = []", "rules.keywords.condolence.words",
         "standards.reason.empty_list"),
    ],
)
def test_bad_thresholds_and_shares_name_the_key(old: str, new: str, setting: str, reason: str) -> None:
    assert old in THRESHOLDS
    err = _error(CHILD + THRESHOLDS.replace(old, new, 1))
    assert (err.params["file"], err.params["setting"], err.params["reason"]) == ("c.toml", setting, reason)


def test_a_bad_share_is_explained_in_words(tmp_path: Path) -> None:
    user = user_standards_dir()
    user.mkdir(parents=True)
    national = (shipped_standards_dir() / "national.toml").read_text(encoding="utf-8")
    assert 'value = "60"' in national
    (user / "national.toml").write_text(national.replace('value = "60"', 'value = "160"'), encoding="utf-8")
    with pytest.raises(ServiceError) as info:
        load_standards("anhui")
    params = info.value.params
    assert params["file"] == str(user / "national.toml")
    assert params["setting"] == "rules.retained_share[0].value"
    assert "不是有效比例" in params["reason"]


def test_every_rule_has_a_label_in_both_languages() -> None:
    from auditdesk.core.standards import RULE_IDS
    from auditdesk.i18n import CATALOGUE

    missing = [r for r in RULE_IDS if set(CATALOGUE.get(f"standards.rule.{r}", {})) != {"zh", "en"}]
    assert missing == []
