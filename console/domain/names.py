"""Chinese personal names, mobile numbers, unified social credit codes, device IMEIs and street addresses for
generated demo data. Every function draws from the numpy Generator it is given: same seed, same names.

Why the check digits: forms and importers validate credit codes (GB 32100-2015 with the GB 11714 organisation
code inside) and IMEIs (Luhn); demo data that failed those checks would make the demo look broken."""
from __future__ import annotations

import numpy as np

# Common surnames in southern Fujian, most frequent first, with rough relative frequencies.
SURNAMES = ("陈", "林", "黄", "李", "王", "张", "吴", "郑", "杨", "许", "蔡", "洪", "庄", "苏", "刘", "曾", "叶",
            "谢", "周", "施", "柯", "郭", "邱", "杜", "卢", "方", "何", "朱", "江", "徐", "翁", "颜", "魏", "傅",
            "詹", "高", "罗", "赖", "欧阳", "戴")
_SURNAME_WEIGHTS = np.array([12, 11, 7, 6, 6, 5, 4.5, 4, 3.5, 3, 3, 2.8, 2.5, 2.5, 2.5, 2.2, 2, 2, 2, 1.8, 1.6,
                             1.6, 1.4, 1.2, 1.2, 1.2, 1.2, 1.2, 1.1, 1.1, 1, 1, 1, 0.9, 0.8, 0.8, 0.8, 0.7,
                             0.2, 0.6])
_MALE_CHARS = "志明建国文华伟强军平东海斌辉峰杰涛鹏宇浩俊坤荣福清源鑫振榕鸿德水金木添锦裕泉永龙阳晨毅"
_FEMALE_CHARS = "丽芳娟敏静燕玲婷雪慧红梅兰秀英淑雅琳欣怡佳嘉晓萍霞颖莉蓉美珊素碧凤琼娜瑶雯倩"

MOBILE_PREFIXES = ("130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
                   "153", "155", "156", "157", "158", "159", "166", "173", "177", "180", "181", "182", "183",
                   "185", "186", "187", "188", "189", "191", "193", "195", "198", "199")

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = np.array([pow(3, i, 31) for i in range(17)])
_ORG_WEIGHTS = np.array([3, 7, 9, 10, 5, 8, 4, 2])


def person_names(rng: np.random.Generator, n: int) -> tuple[list[str], np.ndarray]:
    """`n` full names and a boolean array (True = female) for 先生/女士 forms of address."""
    p = _SURNAME_WEIGHTS / _SURNAME_WEIGHTS.sum()
    surname = rng.choice(len(SURNAMES), size=n, p=p)
    female = rng.random(n) < 0.5
    two = rng.random(n) < 0.75
    first = rng.integers(0, 1 << 30, n)
    second = rng.integers(0, 1 << 30, n)
    names = []
    for s, f, t, a, b in zip(surname.tolist(), female.tolist(), two.tolist(), first.tolist(), second.tolist(),
                             strict=True):
        chars = _FEMALE_CHARS if f else _MALE_CHARS
        given = chars[a % len(chars)] + (chars[b % len(chars)] if t else "")
        names.append(SURNAMES[s] + given)
    return names, female


def forms_of_address(names: list[str], female: np.ndarray) -> list[str]:
    """'陈先生' / '林女士': how a hotline ticket names a caller who gave only a surname."""
    out = []
    for name, f in zip(names, female.tolist(), strict=True):
        surname = name[:2] if name[:2] == "欧阳" else name[:1]
        out.append(surname + ("女士" if f else "先生"))
    return out


def mobile_numbers(rng: np.random.Generator, n: int) -> list[str]:
    prefix = rng.integers(0, len(MOBILE_PREFIXES), n)
    rest = rng.integers(0, 100_000_000, n)
    return [f"{MOBILE_PREFIXES[p]}{r:08d}" for p, r in zip(prefix.tolist(), rest.tolist(), strict=True)]


def mask_phone(phone: str) -> str:
    """138****5678, as call records show a caller's number."""
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) == 11 else phone


def _org_check_value(body: np.ndarray) -> np.ndarray:
    """GB 11714 check character of 8-digit organisation codes, as its USCC value (0-9, 'X' = 29)."""
    c = 11 - (body @ _ORG_WEIGHTS) % 11
    return np.where(c == 11, 0, np.where(c == 10, USCC_CHARSET.index("X"), c))


def credit_codes(rng: np.random.Generator, kinds: list[str], division_code: str) -> list[str]:
    """Unified social credit codes (统一社会信用代码), 18 characters with valid check characters.

    `kinds` gives each code's first two characters: '91' enterprise, '92' individual business (个体工商户),
    '12' public institution (事业单位); `division_code` is the 6-digit area of registration."""
    n = len(kinds)
    if n == 0:
        return []
    body = rng.integers(0, 10, (n, 8))
    org_check = _org_check_value(body)
    head = np.array([[USCC_CHARSET.index(k[0]), USCC_CHARSET.index(k[1])] for k in kinds])
    area = np.tile([int(d) for d in division_code[:6]], (n, 1))
    values = np.concatenate([head, area, body, org_check[:, None]], axis=1)
    check = (31 - (values @ _USCC_WEIGHTS) % 31) % 31
    full = np.concatenate([values, check[:, None]], axis=1)
    return ["".join(USCC_CHARSET[v] for v in row) for row in full.tolist()]


def credit_code_valid(code: str) -> bool:
    """Both check characters of an 18-character unified social credit code are right."""
    if len(code) != 18 or any(ch not in USCC_CHARSET for ch in code):
        return False
    values = np.array([USCC_CHARSET.index(ch) for ch in code])
    if (31 - (values[:17] @ _USCC_WEIGHTS) % 31) % 31 != values[17]:
        return False
    # Organisation codes with letters map letters differently (A=10…Z=35); only numeric ones are rechecked.
    return not code[8:16].isdigit() or bool(_org_check_value(values[None, 8:16])[0] == values[16])


def _luhn_check(digits: np.ndarray) -> np.ndarray:
    """Luhn check digit for rows of payload digits (the check digit goes to the right of the payload)."""
    d = digits[:, ::-1].copy()
    doubled = d[:, 0::2] * 2
    d[:, 0::2] = np.where(doubled > 9, doubled - 9, doubled)
    return (10 - d.sum(axis=1) % 10) % 10


def imeis(rng: np.random.Generator, n: int) -> list[str]:
    """15-digit IMEIs with a Chinese-style type allocation code (86…) and a Luhn check digit."""
    payload = np.concatenate([np.tile([8, 6], (n, 1)), rng.integers(0, 10, (n, 12))], axis=1)
    full = np.concatenate([payload, _luhn_check(payload)[:, None]], axis=1)
    return ["".join(map(str, row)) for row in full.tolist()]


def luhn_valid(number: str) -> bool:
    digits = np.array([[int(c) for c in number[:-1]]])
    return number.isdigit() and int(_luhn_check(digits)[0]) == int(number[-1])


def street_address(prefix: str, road: str, number: int, unit: str = "") -> str:
    """'福建省厦门市湖里区长乐路128号3层': the district prefix, the road, the house number, a floor or room."""
    return f"{prefix}{road}{number}号{unit}"
