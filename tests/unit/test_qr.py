"""QR payloads: genuine codes verify; forged, tampered, foreign and misplaced ones are refused with a reason."""
from __future__ import annotations

import pytest

from console.domain.qr import QrRefused, encode, verify

KEY = b"k" * 32
OTHER_KEY = b"o" * 32


def test_round_trip():
    payload = encode(KEY, 42, "P3502060000042")
    got = verify(KEY, payload, expected_premise_id=42)
    assert (got.premise_id, got.premise_code) == (42, "P3502060000042")


@pytest.mark.parametrize(("mutate", "reason"), [
    (lambda p: p.replace("PA1.42.", "PA1.43."), "signature does not match"),
    (lambda p: p.replace("P3502060000042", "P3502060000043"), "signature does not match"),
    (lambda p: p[:-2] + ("AA" if not p.endswith("AA") else "BB"), "signature does not match"),
    (lambda p: "https://example.com/" + p, "not a premise QR code"),
    (lambda p: "PA1.x.P1.sig", "not a number"),
    (lambda p: p.rsplit(".", 1)[0], "not a premise QR code"),
])
def test_tampered_payloads_refused(mutate, reason):
    with pytest.raises(QrRefused, match=reason):
        verify(KEY, mutate(encode(KEY, 42, "P3502060000042")))


def test_other_installation_refused():
    with pytest.raises(QrRefused, match="another installation"):
        verify(KEY, encode(OTHER_KEY, 42, "P3502060000042"))


def test_copied_to_another_premise_refused():
    with pytest.raises(QrRefused, match="copied from another premise"):
        verify(KEY, encode(KEY, 42, "P42"), expected_premise_id=7)


def test_short_key_and_bad_code_rejected():
    with pytest.raises(ValueError):
        encode(b"short", 1, "P1")
    with pytest.raises(ValueError):
        encode(KEY, 1, "P.1")
