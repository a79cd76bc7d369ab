from datetime import datetime

import pytest

from console.domain.incident_history_notes import decode_note, detail_datetime, encode_note


def test_round_trip_with_details_and_text():
    note = encode_note("supervise", {"due": datetime(2026, 12, 2, 17, 0), "level": "township"}, "快办\n第二行")
    decoded = decode_note(note)
    assert decoded.action == "supervise"
    assert decoded.details == {"due": "2026-12-02T17:00", "level": "township"}
    assert decoded.text == "快办\n第二行"
    assert detail_datetime(decoded, "due") == datetime(2026, 12, 2, 17, 0)


def test_plain_text_notes_stay_plain():
    assert decode_note("旧的备注").action is None
    assert decode_note("旧的备注").text == "旧的备注"
    assert decode_note(None).text is None
    assert decode_note(encode_note("accept", {}, None)).text is None


def test_details_cannot_break_the_format():
    with pytest.raises(ValueError):
        encode_note("file", {"category": "a b"}, None)
