"""Substring search over Chinese text through an ordinary token index.

Chinese has no spaces, so word tokenizers see a whole sentence as one token. Instead every pair of
neighbouring characters (a bigram) becomes a token: a text contains "井盖破损" only if it holds the tokens
井盖, 盖破 and 破损, so the index narrows a million cases to a few candidates and a plain substring test
on those gives the exact answer. Tokens are spelt as hex code points ("4e95z76d6") so the SQLite FTS5
tokenizer and PostgreSQL arrays treat them alike whatever the database's locale."""
from __future__ import annotations

import re
from itertools import pairwise

_RUN = re.compile(r"\w+")


def _bigrams(text: str) -> set[str]:
    tokens: set[str] = set()
    for run in _RUN.findall(text.lower()):
        tokens.update(f"{ord(a):x}z{ord(b):x}" for a, b in pairwise(run))
    return tokens


def index_terms(*texts: str | None) -> str:
    """The tokens of all `texts`, space-separated, each once (stored beside the row, indexed)."""
    tokens: set[str] = set()
    for text in texts:
        if text:
            tokens |= _bigrams(text)
    return " ".join(sorted(tokens))


def query_terms(term: str) -> list[str]:
    """Tokens every text containing `term` must hold; empty when the term is too short for the index (a
    single character), and the caller falls back to scanning."""
    return sorted(_bigrams(term))
