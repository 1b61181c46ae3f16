"""Working-paper sign-off: preparer then a different reviewer; an edit after a signature shows."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.workpaper import (
    FIELDS,
    PAPER_STATES,
    REQUIRED,
    PaperContent,
    SignOff,
    changed_since_prepared,
    field_key,
    paper_state,
    required_missing,
    sign_prepared,
    sign_reviewed,
)
from auditdesk.i18n import CATALOGUE, t

PAPER = PaperContent(
    area="fund_use",
    title="福利费支出",
    objective="核实节日慰问品发放是否超标",
    procedure="抽查 50105 科目凭证",
    examined="记-12, 记-30",
    result="未见异常",
    conclusion="符合规定",
)

texts = st.text(max_size=20)
contents = st.builds(PaperContent, *([texts] * len(FIELDS)))


def edit(content: PaperContent, **changes: str) -> PaperContent:
    return dataclasses.replace(content, **changes)


def refusal(call: object, *args: object) -> AuditdeskError:
    with pytest.raises(AuditdeskError) as caught:
        call(*args)  # type: ignore[operator]
    err = caught.value
    assert t(err.key, **err.params)  # catalogued, with its parameters
    return err


def test_digest_is_sha256_of_compact_sorted_json() -> None:
    payload = (
        '{"area":"fund_use","conclusion":"符合规定","examined":"记-12, 记-30",'
        '"objective":"核实节日慰问品发放是否超标","procedure":"抽查 50105 科目凭证",'
        '"result":"未见异常","title":"福利费支出"}'
    )
    assert PAPER.digest() == hashlib.sha256(payload.encode("utf-8")).hexdigest()


@given(contents, st.sampled_from(FIELDS), texts)
def test_any_edit_changes_the_digest(content: PaperContent, name: str, text: str) -> None:
    changed = edit(content, **{name: text})
    assert (changed.digest() == content.digest()) == (text == getattr(content, name))


def test_the_whole_flow_and_an_edit_after_review() -> None:
    signoff = SignOff(None, None, None, None)
    assert paper_state(PAPER, signoff) == "draft"
    signoff = sign_prepared(PAPER, signoff, "张三")
    assert signoff == SignOff("张三", PAPER.digest(), None, None)
    assert paper_state(PAPER, signoff) == "prepared"
    signoff = sign_reviewed(PAPER, signoff, "李四")
    assert paper_state(PAPER, signoff) == "reviewed"

    edited = edit(PAPER, result="发现 2 笔超标")
    assert paper_state(edited, signoff) == "changed_after_review"
    assert refusal(sign_reviewed, edited, signoff, "李四").key == "workpaper.changed_since_prepared"
    signoff = sign_prepared(edited, signoff, "张三")
    assert paper_state(edited, signoff) == "changed_after_review"  # still flagged until re-reviewed
    signoff = sign_reviewed(edited, signoff, "李四")
    assert paper_state(edited, signoff) == "reviewed"
    assert signoff == SignOff("张三", edited.digest(), "李四", edited.digest())


def test_an_edit_before_review_keeps_prepared_but_blocks_the_review() -> None:
    signoff = sign_prepared(PAPER, SignOff(None, None, None, None), "张三")
    edited = edit(PAPER, examined="记-12")
    assert paper_state(edited, signoff) == "prepared"
    assert changed_since_prepared(edited, signoff)
    assert not changed_since_prepared(PAPER, signoff)
    err = refusal(sign_reviewed, edited, signoff, "李四")
    assert (err.key, err.params) == ("workpaper.changed_since_prepared", {"preparer": "张三"})


def test_blank_required_fields_are_named() -> None:
    blank = edit(PAPER, objective="  ", conclusion="")
    assert required_missing(blank) == ("objective", "conclusion")
    assert required_missing(edit(PAPER, area="", title="", examined="", result="")) == ()
    err = refusal(sign_prepared, blank, SignOff(), "张三")
    assert err.key == "workpaper.empty"
    assert err.params["fields"] == "objective,conclusion"
    assert err.params["missing"] == ("objective", "conclusion")
    assert all(field_key(name) in CATALOGUE for name in FIELDS)


def test_review_refusals() -> None:
    assert refusal(sign_reviewed, PAPER, SignOff(), "李四").key == "workpaper.not_prepared"
    signoff = sign_prepared(PAPER, SignOff(), "张三")
    err = refusal(sign_reviewed, PAPER, signoff, " 张三 ")
    assert (err.key, err.params) == ("workpaper.self_review", {"who": "张三"})
    assert refusal(sign_prepared, PAPER, signoff, "  ").key == "workpaper.no_signer"
    assert refusal(sign_reviewed, PAPER, signoff, "").key == "workpaper.no_signer"


def test_the_reviewer_signing_as_preparer_drops_the_review() -> None:
    signoff = sign_reviewed(PAPER, sign_prepared(PAPER, SignOff(), "张三"), "李四")
    edited = edit(PAPER, conclusion="基本符合规定")
    signoff = sign_prepared(edited, signoff, "李四")
    assert signoff == SignOff("李四", edited.digest(), None, None)
    assert paper_state(edited, signoff) == "prepared"
    assert refusal(sign_reviewed, edited, signoff, "李四").key == "workpaper.self_review"
    assert paper_state(edited, sign_reviewed(edited, signoff, "张三")) == "reviewed"


@given(contents, st.sampled_from(FIELDS), texts)
def test_signed_papers_are_reviewed_until_any_field_changes(
    content: PaperContent, name: str, text: str
) -> None:
    if required_missing(content):
        assert refusal(sign_prepared, content, SignOff(), "甲").key == "workpaper.empty"
        assert set(required_missing(content)) <= set(REQUIRED)
        return
    signoff = sign_reviewed(content, sign_prepared(content, SignOff(), "甲"), "乙")
    changed = edit(content, **{name: text})
    expected = "reviewed" if text == getattr(content, name) else "changed_after_review"
    assert paper_state(changed, signoff) == expected


def test_every_state_has_a_label() -> None:
    assert all(f"workpaper.state.{state}" in CATALOGUE for state in PAPER_STATES)
