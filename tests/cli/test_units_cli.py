from __future__ import annotations

from collections.abc import Callable
from typing import Any


def test_units_add_list_edit_json(cli: Callable[..., Any]) -> None:
    r = cli("units", "add", "县人民医院工会", "--code", "GH002", "--members", "310", "--employees", "325",
            "--payroll", "￥38,600,000.00", "--chair", "王建华", "--json")
    assert r.code == 0, r.err
    assert r.json()["payroll"] == "38600000.00"
    assert cli("units", "add", "县第一中学工会", "--members", "42").code == 0
    listed = cli("units", "list", "--json").json()
    assert [u["name"] for u in listed] == ["县人民医院工会", "县第一中学工会"] or sorted(
        u["name"] for u in listed
    ) == sorted(["县人民医院工会", "县第一中学工会"])
    hospital = next(u for u in listed if u["code"] == "GH002")
    assert hospital == {
        "id": hospital["id"], "name": "县人民医院工会", "code": "GH002", "members": 310, "employees": 325,
        "payroll": "38600000.00", "chair": "王建华", "contact": None, "parent": None, "years": [],
        "last_audit_year": None,
    }
    r = cli("units", "edit", "GH002", "--members", "312", "--chair", "李红", "--json")
    assert r.code == 0 and r.json()["members"] == 312 and r.json()["chair"] == "李红"
    text = cli("units", "list").out
    assert "县人民医院工会" in text and "312" in text and "38,600,000.00" in text


def test_duplicate_unit_and_bad_payroll_are_refused(cli: Callable[..., Any]) -> None:
    assert cli("units", "add", "县交通局工会").code == 0
    r = cli("units", "add", "县交通局工会")
    assert r.code == 1 and "已存在" in r.err
    r = cli("units", "add", "县水务局工会", "--payroll", "12.345")
    assert r.code != 0 and "两位小数" in r.err


def test_editing_a_missing_unit_names_the_closest(cli: Callable[..., Any]) -> None:
    cli("units", "add", "县第一中学工会")
    cli("units", "add", "县第二中学工会")
    r = cli("units", "edit", "县第一中学", "--members", "5", "--json")
    assert r.code == 1
    body = r.json()
    assert body["status"] == "error" and body["error"]["key"] == "unit.not_found"
    assert "县第一中学工会" in body["error"]["message"]


def test_english_interface(cli: Callable[..., Any]) -> None:
    r = cli("--lang", "en", "units", "list")
    assert r.code == 0 and "no units yet" in r.out
