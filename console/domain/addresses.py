"""Address normalisation for imports: one spelling per address, so duplicates and matches can be found.

Exports from Excel and field systems mix full-width digits and letters, stray spaces ("12 号 3 弄") and
addresses with or without "福建省厦门市湖里区" in front; all become half-width, unspaced and fully prefixed."""
from __future__ import annotations

import re

DEFAULT_REGION = ("福建省", "厦门市", "湖里区")
_CJK = r"\u3400-\u9fff"
_SPACE_NEAR_CJK = re.compile(rf"\s+(?=[{_CJK}])|(?<=[{_CJK}])\s+")
_SPACE_NEAR_UNIT = re.compile(r"(?<=\d)\s+(?=[号弄室栋幢楼层单元])|(?<=[号弄室栋幢楼层])\s+(?=\d)")
_OTHER_DISTRICT = re.compile(rf"^[{_CJK}]{{1,6}}?[区县]")
_SPACES = re.compile(r"\s+")
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def to_half_width(text: str) -> str:
    """Full-width ASCII (Ａ１２，) and the ideographic space become their half-width forms."""
    return text.translate(_HALF_WIDTH)


def _strip_part(text: str, part: str) -> str:
    """Remove a leading region part, written in full (厦门市) or short (厦门)."""
    for form in (part, part[:-1]):
        if form and text.startswith(form):
            return text[len(form):]
    return text


def normalise_address(text: str, region: tuple[str, str, str] = DEFAULT_REGION) -> str:
    """Half-width, spaces only between Latin words, and the province/city/district prefix written out once;
    an address in another district of the same city keeps its own district."""
    text = to_half_width(text).strip()
    if _SPACES.search(text):  # most addresses have none: skip three substitutions on 100k-row imports
        text = _SPACES.sub(" ", text)
        text = _SPACE_NEAR_UNIT.sub("", _SPACE_NEAR_CJK.sub("", text))
    if not text:
        return ""
    province, city, district = region
    rest = _strip_part(_strip_part(text, province), city)
    if rest.startswith(district):
        rest = rest[len(district):]
    elif rest != text and _OTHER_DISTRICT.match(rest):
        return province + city + rest
    return province + city + district + rest
