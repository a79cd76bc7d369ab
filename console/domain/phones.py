"""Callers' telephone numbers as operators type them: mainland mobiles (13800138000, +86 138-0013-8000)
and landlines with an area code (0592-1234567, (0592)1234567). One clean spelling is stored so a number can
be called back and searched for."""
from __future__ import annotations

import re

from console.domain.messages import Invalid, explain

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(0[12]\d|0[3-9]\d{2})([2-9]\d{6,7})$")
"""Area codes: 010 and 02x have three digits, all others four; local numbers never start with 0 or 1."""
_NOISE = re.compile(r"[\s\-()（）]")


def normalize_phone(text: str) -> str:
    """The number in its stored form (mobile digits, or area code-number); Invalid says why not."""
    digits = _NOISE.sub("", text.strip())
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if not digits.isdigit():
        raise Invalid(explain("{value} contains characters other than digits", value=repr(text)))
    if _MOBILE.match(digits):
        return digits
    landline = _LANDLINE.match(digits)
    if landline:
        return f"{landline.group(1)}-{landline.group(2)}"
    raise Invalid(explain("{value} is neither an 11-digit mobile number nor an area code with a 7-8 digit "
                          "number", value=repr(text)))


def reporter_text(name: str | None, phone: str | None) -> str | None:
    """How the reporter is stored: 张三(13800138000), as the call records of the seed write it."""
    name, phone = (name or "").strip(), (phone or "").strip()
    if name and phone:
        return f"{name}({phone})"
    return name or phone or None
