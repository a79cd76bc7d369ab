"""The pure rules of intake: phone numbers as operators type them, the reporter's stored form, the form's
field checks (each naming its field) and which bulk actions a mixed selection allows."""
from __future__ import annotations

import pytest

from console.domain.incident_workflow import Action
from console.domain.phones import normalize_phone, reporter_text
from console.domain.roles import Role
from console.services.incident_bulk import bulk_actions
from console.services.incident_intake import IntakeForm, check_form


@pytest.mark.parametrize(("typed", "stored"), [
    ("13800138000", "13800138000"), ("138-0013-8000", "13800138000"), ("+86 138 0013 8000", "13800138000"),
    ("008613800138000", "13800138000"), ("0592-5551234", "0592-5551234"), ("(0592)55512345", "0592-55512345"),
    ("010 62345678", "010-62345678"), ("（0592）5551234", "0592-5551234"),
])
def test_phone_numbers_are_stored_in_one_spelling(typed, stored):
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "23800138000", "1380013800", "138001380001", "0592-12345",
                                   "138OO138000", "", "110"])
def test_bad_phone_numbers_are_refused_with_the_number_named(typed):
    with pytest.raises(ValueError, match="digit"):
        normalize_phone(typed)


def test_reporter_text():
    assert reporter_text("张三", "13800138000") == "张三(13800138000)"
    assert reporter_text(" 张三 ", None) == "张三"
    assert reporter_text("", "13800138000") == "13800138000"
    assert reporter_text(None, "  ") is None


def _form(**changes) -> IntakeForm:
    base = {"source": "walk_in", "category": "dispute", "title": "邻里纠纷", "lon": 118.1, "lat": 24.5}
    return IntakeForm(**(base | changes))


def test_a_good_form_has_no_problems():
    assert check_form(_form()) == []
    assert check_form(_form(source="phone", reporter_phone="13800138000")) == []


@pytest.mark.parametrize(("changes", "field", "code"), [
    ({"source": "import"}, "source", "invalid"),
    ({"category": ""}, "category", "missing"),
    ({"category": "parking"}, "category", "invalid"),
    ({"title": "   "}, "title", "missing"),
    ({"title": "长" * 201}, "title", "too_long"),
    ({"priority": 0}, "priority", "invalid"),
    ({"reporter_phone": "12345"}, "reporter_phone", "invalid"),
    ({"source": "phone"}, "reporter_phone", "missing"),
    ({"lon": None}, "location", "missing"),
    ({"lat": 95.0}, "location", "invalid"),
])
def test_each_bad_field_is_named(changes, field, code):
    problems = check_form(_form(**changes))
    assert [(p.field, p.code) for p in problems] == [(field, code)]


def test_every_bad_field_is_named_at_once():
    problems = check_form(_form(category="", title="", reporter_phone="1", lon=None))
    assert [p.field for p in problems] == ["category", "title", "reporter_phone", "location"]


def test_bulk_actions_are_those_allowed_for_every_case():
    assert bulk_actions([("reported", "community")] * 3, Role.OPERATOR) == [Action.ACCEPT, Action.REJECT]
    assert bulk_actions([("reported", "community"), ("accepted", "community")], Role.OPERATOR) == []
    assert bulk_actions([("accepted", "community")], Role.OPERATOR) == [Action.FILE]
    assert bulk_actions([("accepted", "community")], Role.SUPERVISOR) == [Action.FILE, Action.SUPERVISE,
                                                                          Action.REMIND]
    assert Action.DISPATCH not in bulk_actions([("filed", "community")], Role.SUPERVISOR)
    assert bulk_actions([("handling", "district")], Role.OPERATOR) == [Action.FEEDBACK]
    assert bulk_actions([], Role.OPERATOR) == []
    assert bulk_actions([("reported", "community")], Role.WALL) == []
