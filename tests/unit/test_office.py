"""The office settings (office.toml): the shipped file, a user copy overriding it, clear errors."""

from __future__ import annotations

import pytest

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.milestones import MilestoneOffsets, Span, SpanUnit
from auditdesk.core.office import DEFAULT_SCOPE, DEFAULT_STANDARDS, load_office
from auditdesk.services.errors import ServiceError
from auditdesk.services.office import office_settings, shipped_office_file, user_office_file
from auditdesk.services.standards import current_standards, user_standards_dir

MINIMAL = """
[office]
name = "井陉县总工会经费审查委员会办公室"
reference_pattern = "井工经审〔{year}〕{seq}号"
contact_person = "李四"
contact_phone = "0311-1234567"
"""


def test_the_shipped_file_loads_with_the_core_defaults() -> None:
    office, path = office_settings()
    assert path == shipped_office_file()
    assert office.name == "青陉县总工会经费审查委员会办公室"
    assert office.reference_pattern == "青工经审〔{year}〕{seq}号"
    assert office.default_lead and office.contact_person and office.contact_phone
    assert any("记账凭证" in m for m in office.materials) and len(office.materials) >= 6
    assert office.offsets == MilestoneOffsets() and office.start_after_days == 14
    assert office.scope_for((2024,)) == "2024年度工会经费收支情况"
    assert office.scope_for((2023, 2024)) == "2023、2024年度工会经费收支情况"
    assert office.standards == "national"  # the demo county is in Hebei: no provincial file yet


def test_a_minimal_file_takes_every_default() -> None:
    office = load_office(MINIMAL, "o.toml")
    assert office.default_lead is None and office.materials == ()
    assert office.scope_template == DEFAULT_SCOPE and office.offsets == MilestoneOffsets()
    assert office.standards == DEFAULT_STANDARDS == "national"


def test_offsets_override_only_the_keys_given() -> None:
    text = MINIMAL + (
        "[milestones]\nstart_after_days = 7\nrectification = { months = 3 }\nfieldwork = { days = 0 }\n"
    )
    office = load_office(text, "o.toml")
    assert office.start_after_days == 7
    assert office.offsets.rectification == Span(3, SpanUnit.MONTHS)
    assert office.offsets.fieldwork == Span(0)
    assert office.offsets.notice_lead == MilestoneOffsets().notice_lead


@pytest.mark.parametrize(
    ("text", "setting", "reason"),
    [
        (MINIMAL.replace('name = "井陉县总工会经费审查委员会办公室"\n', ""), "office.name",
         "standards.reason.missing"),
        (MINIMAL.replace("{seq}", ""), "office.reference_pattern", "office.reason.bad_pattern"),
        (MINIMAL + 'fax = "1"\n', "office.fax", "standards.reason.unknown"),
        (MINIMAL + 'scope = "{year}年度"\n', "office.scope", "office.reason.bad_scope"),
        (MINIMAL + "default_lead = 3\n", "office.default_lead", "standards.reason.not_text"),
        (MINIMAL + "standards = 3\n", "office.standards", "standards.reason.not_text"),
        (MINIMAL + 'standards = "  "\n', "office.standards", "standards.reason.not_text"),
        (MINIMAL + "[notice]\nmaterials = \"账簿\"\n", "notice.materials", "standards.reason.not_list"),
        (MINIMAL + "[notice]\nmaterials = [\"账簿\", \" \"]\n", "notice.materials[1]",
         "standards.reason.not_text"),
        (MINIMAL + "[milestones]\nfieldwork = 10\n", "milestones.fieldwork", "office.reason.bad_span"),
        (MINIMAL + "[milestones]\nfieldwork = { weeks = 2 }\n", "milestones.fieldwork",
         "office.reason.bad_span"),
        (MINIMAL + "[milestones]\nfieldwork = { days = -1 }\n", "milestones.fieldwork.days",
         "standards.reason.negative"),
        (MINIMAL + "[milestones]\nnotice_lead = { days = 2 }\n", "milestones.notice_lead",
         "office.reason.notice_lead_short"),
        (MINIMAL + "[milestones]\nreply_window = { days = 0 }\n", "milestones.reply_window",
         "office.reason.zero_span"),
        (MINIMAL + "[milestones]\nstart_after_days = 1.5\n", "milestones.start_after_days",
         "standards.reason.not_whole"),
        (MINIMAL + "[extra]\na = 1\n", "extra", "standards.reason.unknown"),
        ("", "office", "standards.reason.missing_table"),
    ],
)
def test_every_problem_names_its_key(text: str, setting: str, reason: str) -> None:
    with pytest.raises(AuditdeskError) as err:
        load_office(text, "o.toml")
    assert err.value.key == "office.bad_key"
    assert (err.value.params["setting"], err.value.params["reason"]) == (setting, reason)


def test_a_user_copy_overrides_and_its_errors_are_rendered() -> None:
    user = user_office_file()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text(MINIMAL, encoding="utf-8")
    office, path = office_settings()
    assert path == user and office.reference_pattern == "井工经审〔{year}〕{seq}号"
    user.write_text(MINIMAL + "[milestones]\nfieldwork = 10\n", encoding="utf-8")
    with pytest.raises(ServiceError) as err:
        office_settings()
    params = err.value.params
    assert params["file"] == str(user) and params["setting"] == "milestones.fieldwork"
    assert "{ days = 10 }" in params["reason"]  # rendered through the catalogue
    user.write_text("[office\n", encoding="utf-8")
    with pytest.raises(AuditdeskError) as bad:
        office_settings()
    assert bad.value.key == "office.bad_toml"


def test_an_unreadable_user_copy_is_reported() -> None:
    user = user_office_file()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ServiceError) as err:
        office_settings()
    assert err.value.key == "office.unreadable"


def test_the_office_names_the_county_profile() -> None:
    assert load_office(MINIMAL + 'standards = " anhui.toml "\n', "o.toml").standards == "anhui"
    user = user_office_file()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text(MINIMAL, encoding="utf-8")
    standards = current_standards()
    assert standards.name == "national" and standards.rule("holiday_gifts") is None  # caps are provincial
    user.write_text(MINIMAL + 'standards = "hubei"\n', encoding="utf-8")
    standards = current_standards()
    assert standards.name == "hubei" and standards.chain == ("hubei", "national")
    assert standards.rule("holiday_gifts") is not None


def test_an_unknown_county_profile_lists_the_known_ones() -> None:
    user = user_office_file()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text(MINIMAL + 'standards = "hebei"\n', encoding="utf-8")
    with pytest.raises(ServiceError) as err:
        current_standards()
    assert err.value.key == "standards.office_unknown"
    params = err.value.params
    assert params["name"] == "hebei" and params["file"] == str(user)
    assert {"national", "anhui", "hubei", "fujian", "heilongjiang"} <= set(params["known"].split("、"))
    folder = user_standards_dir()  # a user's own profile becomes selectable
    folder.mkdir(parents=True)
    folder.joinpath("hebei.toml").write_text(
        'extends = "national"\n[profile]\nname = "河北省"\nscope = "测试"\n', encoding="utf-8"
    )
    standards = current_standards()
    assert standards.name == "hebei" and standards.title == "河北省"


def test_documents_may_carry_their_own_numbers() -> None:
    office = load_office(MINIMAL + '\n[documents]\nopinion = "井工经审意〔{year}〕{seq}号"\n', "o.toml")
    assert office.document_patterns == {"opinion": "井工经审意〔{year}〕{seq}号"}
    assert load_office(MINIMAL, "o.toml").document_patterns == {}
    with pytest.raises(AuditdeskError) as err:
        load_office(MINIMAL + '\n[documents]\nopinion = "意见书"\n', "o.toml")
    assert "documents.opinion" in str(err.value.params)
    with pytest.raises(AuditdeskError):
        load_office(MINIMAL + '\n[documents]\nletter = "井工〔{year}〕{seq}号"\n', "o.toml")
