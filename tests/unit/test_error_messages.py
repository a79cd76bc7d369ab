"""Refusals reach the Chinese console in Chinese: every message template the rules and services can raise is
in the translation catalogue, errors are built from templates (never from formatted English), and the
renderer translates the template and labels its fields, falling back to the error's own text.

The renderer tests replace QCoreApplication.translate with a recorder that brackets what it was asked, so
they see which strings went through translation without a compiled catalogue or a QApplication."""
from __future__ import annotations

import ast
import string
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from console.domain.incident_workflow import IncidentSnapshot, TransitionRefused, apply
from console.domain.messages import explain
from console.qtmodels.error_catalogue import CONTEXT, TEMPLATES
from console.qtmodels.error_messages import render_error, render_message
from console.services.incident_errors import ConflictError, LastAction
from console.services.incident_import import IncidentFileError, Problem
from console.services.premise_edit import PremiseInvalid
from console.services.premise_import import Rejected, ResolutionError
from tests.conftest import REPO

RAISING_PACKAGES = ("console/domain", "console/services", "console/importers", "widgets/premises")
BUILT_FROM_MESSAGES = {"TransitionRefused", "IncidentError", "OutsideJurisdiction", "AttachmentError",
                       "Invalid", "_refuse", "Problem", "FieldProblem",
                       "PremiseFileError", "OrgFileError", "RowRejected", "Rejected", "ResolutionError",
                       "FeatureRejected", "OrgProblem", "PremiseInvalid", "InspectionError", "PremiseNotFound",
                       "PhotoRefused"}
"""Errors (and problem rows) whose last argument is the message a person reads (the premise form raises
PremiseInvalid too, for a coordinate that is not a number)."""


def _modules_using_messages() -> list[tuple[Path, ast.AST]]:
    found = []
    for package in RAISING_PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            if "console.domain.messages import" in text or path.name == "messages.py":
                found.append((path.relative_to(REPO), ast.parse(text, filename=str(path))))
    return found


def _calls(tree: ast.AST, names: set[str]) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in names]


def test_every_template_the_rules_and_services_can_raise_is_in_the_catalogue():
    raised: dict[str, str] = {}
    for path, tree in _modules_using_messages():
        for call in _calls(tree, {"explain"}):
            template = call.args[0]
            assert isinstance(template, ast.Constant) and isinstance(template.value, str), \
                f"{path}:{call.lineno}: a message template must be a literal"
            raised[template.value] = f"{path}:{call.lineno}"
    assert len(raised) > 60  # the scan found the workflow, services and importers
    assert {t: where for t, where in raised.items() if t not in TEMPLATES} == {}


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_errors_for_people_are_built_from_messages_not_formatted_text():
    formatted = [f"{path}:{call.lineno}" for path, tree in _modules_using_messages()
                 for call in _calls(tree, BUILT_FROM_MESSAGES) if call.args and _is_text(call.args[-1])]
    assert formatted == []


@pytest.mark.parametrize("template", TEMPLATES)
def test_templates_name_their_fields_plainly(template):
    """Translators keep {name}s; a conversion or format spec would be lost on the way (values come
    formatted)."""
    for _text, name, spec, conversion in string.Formatter().parse(template):
        assert name is None or (name.isidentifier() and not spec and conversion is None), template


@pytest.fixture
def asked(monkeypatch) -> list[tuple[str, str]]:
    """QCoreApplication.translate records (context, source) and answers ‹source›."""
    calls: list[tuple[str, str]] = []

    def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        calls.append((context, source))
        return f"‹{source}›"
    monkeypatch.setattr(QCoreApplication, "translate", staticmethod(translate))
    return calls


def test_a_lost_race_is_translated_with_the_action_and_state_labelled(asked):
    exc = ConflictError(7, "20261130-AB12", "accepted", 3,
                        LastAction("op_zhang", datetime(2026, 11, 30, 9, 5), "accept"))
    assert str(exc) == ("Case 20261130-AB12 was changed by op_zhang at 2026-11-30 09:05:00 (accept) and is "
                        "now 'accepted'; your action was not applied.")
    text = render_error(exc)
    assert (CONTEXT, exc.message.template) in asked
    assert text == ("‹Case 20261130-AB12 was changed by op_zhang at 2026-11-30 09:05:00 (‹Accept›) and is "
                    "now '‹Accepted›'; your action was not applied.›")
    assert ("IncidentActions", "Accept") in asked and ("IncidentLabels", "Accepted") in asked


def test_a_refusal_of_the_rules_labels_role_action_and_each_allowed_state(asked):
    now = datetime(2026, 11, 30, 9, 0)
    with pytest.raises(TransitionRefused) as by_role:
        apply(IncidentSnapshot(1, state="filed"), "dispatch", "wall", now)
    assert render_error(by_role.value) == "‹The ‹Wall display› role may not '‹Dispatch›' a case.›"
    with pytest.raises(TransitionRefused) as by_state:
        apply(IncidentSnapshot(1, state="handling"), "dispatch", "operator", now)
    assert render_error(by_state.value) == ("‹'‹Dispatch›' is not allowed on a case in state '‹Handling›'; "
                                            "it needs one of: ‹‹Filed›, ‹Returned››.›")


def test_a_file_problem_renders_its_nested_reason_and_each_line(asked):
    reason = explain("unknown {field} {value}", field="category", value="'下水道'")
    exc = IncidentFileError([Problem("cases.csv", 3, "category", reason)])
    assert str(exc) == "1 problem(s), nothing imported:\ncases.csv: row 3: category: unknown category '下水道'"
    assert render_error(exc) == ("‹1 problem(s), nothing imported:›\n"
                                 "‹cases.csv: row 3: ‹Category›: ‹unknown ‹Category› '下水道'››")


def test_a_refused_premise_field_is_named_by_its_premise_label(asked):
    exc = PremiseInvalid("owner_phone", "phone", explain("{value} is neither a mobile nor a landline number",
                                                         value="'12345'"))
    assert str(exc) == "owner_phone: '12345' is neither a mobile nor a landline number"
    assert render_error(exc) == "‹‹Owner phone›: ‹'12345' is neither a mobile nor a landline number››"
    assert ("PremiseFields", "Owner phone") in asked


def test_refused_review_rows_render_each_line_with_its_reason(asked):
    taken = Rejected(3, explain("a premise with code {code} already exists", code="IM1"))
    exc = ResolutionError([taken.describe(), explain("line {line}: not in {path}", line=9, path="p.csv")])
    assert str(exc) == "line 3: a premise with code IM1 already exists; line 9: not in p.csv"
    assert render_error(exc) == ("‹line 3: ‹a premise with code IM1 already exists››; "
                                 "‹line 9: not in p.csv›")


def test_a_translation_that_lost_a_field_falls_back_to_the_english_template(monkeypatch):
    monkeypatch.setattr(QCoreApplication, "translate", staticmethod(lambda context, source, *rest: "{编号}"))
    message = explain("Incident {id} was never dispatched.", id=12)
    assert render_message(message) == "Incident 12 was never dispatched."


def test_an_error_without_a_message_is_shown_as_its_own_text(asked):
    assert render_error(RuntimeError("server closed the connection unexpectedly")) == \
        "server closed the connection unexpectedly"
    assert asked == []
