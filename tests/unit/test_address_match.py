"""The address-matching rule: street fuzzy, house number exact, region prefix and floors ignored."""
from __future__ import annotations

from console.domain.address_match import (
    ACCEPT,
    OTHER_NUMBER,
    AddressKey,
    AddressLibrary,
    LibraryEntry,
    address_key,
)


def _library() -> AddressLibrary:
    rows = [("福建省厦门市湖里区长乐路128号", 118.10, 24.50), ("长乐路128号3层", 118.12, 24.52),
            ("长乐路130号", 118.101, 24.501), ("枋湖北路88号", 118.15, 24.51), ("湖里区万达广场", 118.18, 24.49),
            ("创新三路软件科技大厦A栋", 118.11, 24.48), ("创新三路软件科技大厦B栋", 118.14, 24.47)]
    return AddressLibrary(LibraryEntry(address_key(a), lon, lat) for a, lon, lat in rows)


def test_keys_drop_region_and_floor():
    assert address_key("福建省厦门市湖里区长乐路 128 号 3 层") == AddressKey("长乐路", "128")
    assert address_key("厦门市湖里区长乐路１２８号之二") == AddressKey("长乐路", "128")
    assert address_key("万达广场") == AddressKey("万达广场", None)
    assert address_key("厦门市思明区中山路1号").street == "思明区中山路"


def test_same_building_matches_with_averaged_position():
    result = _library().match(address_key("湖里区长乐路128号502室"))
    assert result.verdict == "matched" and result.best.address == "长乐路128号" and result.best.score == 100
    assert (round(result.best.lon, 6), round(result.best.lat, 6)) == (118.11, 24.51)


def test_other_house_number_goes_to_review_never_matched():
    result = _library().match(address_key("长乐路12号"))
    assert result.verdict == "review"
    assert [c.address for c in result.candidates[:2]] == ["长乐路128号", "长乐路130号"]
    assert result.best.score == 100 * OTHER_NUMBER < ACCEPT


def test_street_typo_is_reviewed_unknown_street_rejected():
    typo = _library().match(address_key("枋湖北二路88号"))
    assert typo.verdict == "review" and typo.best.address == "枋湖北路88号"
    assert _library().match(address_key("海沧区马銮路1号")).verdict == "rejected"
    assert _library().match(address_key("")).verdict == "rejected"


def test_equally_good_rivals_far_apart_need_review():
    both = _library().match(address_key("创新三路软件科技大厦"))
    assert [c.address for c in both.candidates] == ["创新三路软件科技大厦A栋", "创新三路软件科技大厦B栋"]
    assert both.best.score >= ACCEPT and both.verdict == "review"
    assert _library().match(address_key("万达广场")).verdict == "matched"
