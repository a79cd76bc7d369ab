"""The bigram tokens behind the incident text filter: a text holds a term's tokens whenever it holds the term."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from db.text_index import index_terms, phrase_is_exact, query_phrases, query_terms


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


def _holds_phrase(text: str, phrase: list[str]) -> bool:
    """How an index with positions reads a phrase: the tokens at consecutive positions."""
    tokens = index_terms(text).split()
    return any(tokens[i:i + len(phrase)] == phrase for i in range(len(tokens) - len(phrase) + 1))


def test_a_phrase_does_not_match_across_punctuation_or_texts():
    [phrase] = query_phrases("井盖破损")
    assert _holds_phrase("路口井盖破损严重", phrase)
    assert not _holds_phrase("井盖，盖破损", phrase)  # 井盖 then 盖破 破损, but in two runs
    assert not _holds_phrase(None, phrase) and index_terms(None, "", "井") == ""
    assert not phrase_is_exact("井盖-破损") and not phrase_is_exact("井") and phrase_is_exact("Noise1")


@given(st.text(alphabet="井盖破损路灯占道aB1 -,", min_size=0, max_size=30),
       st.text(alphabet="井盖破损路灯aB1", min_size=2, max_size=5))
def test_an_exact_phrase_matches_exactly_the_texts_that_contain_the_term(text, term):
    assert phrase_is_exact(term)
    [phrase] = query_phrases(term)
    assert _holds_phrase(text, phrase) == (term.lower() in text.lower())
