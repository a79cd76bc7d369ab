"""The bigram tokens behind the incident text filter: a text holds a term's tokens whenever it holds the term."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from db.text_index import index_terms, query_terms


def test_bigrams_of_chinese_text_and_case_insensitive_latin():
    assert query_terms("井盖") == [f"{ord('井'):x}z{ord('盖'):x}"]
    assert len(query_terms("井盖破损")) == 3
    assert query_terms("Noise") == query_terms("NOISE")
    assert query_terms("井") == [] and query_terms("a-b") == []


def test_punctuation_and_spaces_break_runs():
    terms = set(index_terms("井盖,破损").split())
    assert set(query_terms("井盖")) <= terms and not set(query_terms("盖破")) <= terms


@given(st.text(alphabet="井盖破损路灯占道aB1 -", min_size=0, max_size=30), st.integers(0, 30), st.integers(2, 6))
def test_every_substring_s_tokens_are_in_the_index(text, start, length):
    term = text[start:start + length]
    assert set(query_terms(term)) <= set(index_terms(text).split())
