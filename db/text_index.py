"""Substring search over Chinese text through an ordinary token index.

Chinese has no spaces, so word tokenizers see a whole sentence as one token. Instead every pair of
neighbouring characters (a bigram) becomes a token: a text contains "井盖破损" only if it holds the tokens
井盖, 盖破 and 破损. Tokens are spelt as hex code points ("4e95z76d6") so the SQLite FTS5 tokenizer and
PostgreSQL arrays treat them alike whatever the database's locale.

The tokens are stored in text order, with a separator between runs of word characters, so an index with
positions (SQLite's FTS5) answers a term exactly as a phrase: 井盖 盖破 破损 at consecutive positions
means the run holds 井盖破损. An index without positions (PostgreSQL's GIN over the token array) only
narrows the cases, and a substring test on the candidates gives the exact answer."""
from __future__ import annotations

import re
from itertools import pairwise

_RUN = re.compile(r"\w+")
RUN_BREAK = "z"
"""Between runs (and texts): no bigram token is a bare 'z', and a phrase cannot match across it."""


def _run_tokens(run: str) -> list[str]:
    return [f"{ord(a):x}z{ord(b):x}" for a, b in pairwise(run)]


def index_terms(*texts: str | None) -> str:
    """The tokens of all `texts` in order, runs separated (stored beside the row, indexed)."""
    tokens: list[str] = []
    for text in texts:
        for run in _RUN.findall(text.lower()) if text else ():
            if len(run) > 1:
                tokens += [*_run_tokens(run), RUN_BREAK]
    return " ".join(tokens[:-1])


def query_terms(term: str) -> list[str]:
    """Tokens every text containing `term` must hold; empty when the term is too short for the index (a
    single character), and the caller falls back to scanning."""
    return sorted({token for run in _RUN.findall(term.lower()) for token in _run_tokens(run)})


def query_phrases(term: str) -> list[list[str]]:
    """The token sequence of each run of `term` with at least two characters: phrases every text containing
    `term` holds at consecutive positions."""
    return [_run_tokens(run) for run in _RUN.findall(term.lower()) if len(run) > 1]


def phrase_is_exact(term: str) -> bool:
    """Whether matching `term`'s phrase is the same as containing `term`: it is one run of word characters
    (punctuation in a term is not in the index)."""
    return len(term) > 1 and _RUN.fullmatch(term.lower()) is not None
