"""``auditdesk standards list|show``: the JSON contract and the cap in force on a date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from auditdesk.services.office import shipped_office_file, user_office_file
from auditdesk.services.standards import shipped_standards_dir, user_standards_dir

Cli = Callable[..., Any]


def test_list_json(cli: Cli) -> None:
    r = cli("standards", "list", "--json", db=False)
    assert r.code == 0, r.err
    body = {p["name"]: p for p in r.json()}
    assert {"national", "anhui", "hubei", "fujian", "heilongjiang"} <= set(body)
    assert set(body["anhui"]) == {"name", "title", "path", "is_user_copy"}
    assert body["anhui"]["title"] == "安徽省" and body["anhui"]["is_user_copy"] is False
    assert body["anhui"]["path"] == str(shipped_standards_dir() / "anhui.toml")


def test_show_anhui_on_a_date_json(cli: Cli) -> None:
    r = cli("standards", "show", "anhui", "--on", "2024-06-01", "--json", db=False)
    assert r.code == 0, r.err
    body = r.json()
    assert body["name"] == "anhui" and body["extends"] == ["national"] and body["on"] == "2024-06-01"
    gifts = next(rule for rule in body["rules"] if rule["id"] == "holiday_gifts")
    # the undated 2000 version is left out of the shipped data; 2200 starts 2025-08-21
    assert gifts["value"] == "1500.00" and gifts["effective"] == "2018-03-12"
    assert gifts["strength"] == "secondary" and gifts["source"].startswith("https://")
    assert "实施办法" in gifts["document"] and gifts["versions"] == 2
    assert "提货券" in next(k for k in body["keywords"] if k["id"] == "shopping_cards")["allowed"]
    later = cli("standards", "show", "anhui", "--on", "2025-09-01", "--json", db=False).json()
    gifts = next(rule for rule in later["rules"] if rule["id"] == "holiday_gifts")
    assert (gifts["value"], gifts["strength"]) == ("2200.00", "unverified")
    early = cli("standards", "show", "anhui", "--on", "2017-01-01", "--json", db=False).json()
    # in force in 2017: only the national cash payment limit (1988) and retained share
    in_force = {rule["id"] for rule in early["rules"] if rule["value"] is not None}
    assert in_force == {"cash_payment", "retained_share"}
    share = next(rule for rule in early["rules"] if rule["id"] == "retained_share")
    assert (share["unit"], share["value"], share["strength"]) == ("percent", "60.00", "secondary")
    assert next(rule for rule in early["rules"] if rule["id"] == "holiday_gifts")["unit"] == "yuan"


def test_show_in_words_and_errors(cli: Cli) -> None:
    r = cli("standards", "show", "hubei", "--on", "2024-06-01", db=False)
    assert r.code == 0, r.err
    assert "节日慰问品" in r.out and "1,200.00" in r.out and "二手资料" in r.out
    assert "拨缴经费基层留成比例" in r.out and "60%" in r.out and "现金结算起点" in r.out
    assert "慰问金、帮扶款等个人款项（应转账发放）" in r.out
    r = cli("standards", "show", "nowhere", "--json", db=False)
    assert r.code == 1 and r.json()["error"]["key"] == "standards.unknown_profile"
    assert cli("standards", "show", "anhui", "--on", "2024-13-01", db=False).code == 2


def test_a_broken_user_copy_names_the_key(cli: Cli) -> None:
    user = user_standards_dir()
    user.mkdir(parents=True)
    text = (shipped_standards_dir() / "fujian.toml").read_text(encoding="utf-8")
    (user / "fujian.toml").write_text(text.replace('value = "1300"', 'value = "1300元整"'), encoding="utf-8")
    r = cli("standards", "show", "fujian", db=False)
    assert r.code == 1
    assert "rules.holiday_gifts[0].value" in r.err and "不是有效金额" in r.err
    listed = {p["name"]: p for p in cli("standards", "list", "--json", db=False).json()}
    assert listed["fujian"]["is_user_copy"] is True


def test_show_without_a_name_is_the_county_profile(cli: Cli) -> None:
    r = cli("standards", "show", "--on", "2025-09-01", "--json", db=False)
    assert r.code == 0, r.err
    assert r.json()["name"] == "national"
    assert [rule["id"] for rule in r.json()["rules"]] == ["cash_payment", "retained_share"]
    user = user_office_file()
    user.parent.mkdir(parents=True, exist_ok=True)
    text = shipped_office_file().read_text(encoding="utf-8")
    assert 'standards = "national"' in text
    user.write_text(text.replace('standards = "national"', 'standards = "anhui"'), encoding="utf-8")
    body = cli("standards", "show", "--on", "2025-09-01", "--json", db=False).json()
    gifts = next(rule for rule in body["rules"] if rule["id"] == "holiday_gifts")
    assert body["name"] == "anhui" and gifts["value"] == "2200.00"
    user.write_text(text.replace('standards = "national"', 'standards = "shanxi"'), encoding="utf-8")
    r = cli("standards", "show", "--json", db=False)
    assert r.code == 1 and r.json()["error"]["key"] == "standards.office_unknown"
    assert "anhui" in r.json()["error"]["message"]
