"""Numbering tokens: readings, ordinals, succession; and the lattice as data."""

from __future__ import annotations

import pytest

from lintlaw.structure.lattice import TRADITIONS, group_rank, style_rank
from lintlaw.structure.numbering import follows, parse_marker, preferred, roman_value, word_ordinal


@pytest.mark.parametrize("text,value", [("i", 1), ("iv", 4), ("ix", 9), ("xiv", 14), ("lii", 52),
                                        ("XXVIII", 28), ("cccxcix", 399)])
def test_roman_values(text, value):
    assert roman_value(text) == value


@pytest.mark.parametrize("text", ["iiii", "vx", "mix", "civil", "abc", "", "cd"])
def test_words_and_malformed_numerals_are_not_roman(text):
    assert roman_value(text) is None


def _readings(token):
    marker = parse_marker(token)
    assert marker is not None, token
    return {(r.style, r.ordinal) for r in marker.readings}


def test_ambiguous_tokens_keep_every_reading():
    assert _readings("(i) x") == {("(i)", (1, 0)), ("(a)", (9, 0))}
    assert _readings("(I) x") == {("(I)", (1, 0)), ("(A)", (9, 0))}
    assert _readings("(c) x") == {("(i)", (100, 0)), ("(a)", (3, 0))}
    assert _readings("ii. x") == {("i.", (2, 0)), ("aa.", (9, 0))}  # roman two, or German "ii."
    assert preferred(parse_marker("ii. x").readings).style == "i."
    assert _readings("aa) x") == {("aa)", (1, 0))}


@pytest.mark.parametrize("token,style,ordinal,num", [
    ("(1) x", "(1)", (1, 0), "1"), ("(5.1) x", "(1)", (5, 1), "5.1"), ("(b.1) x", "(a)", (2, 1), "b.1"),
    ("(lii.1) x", "(i)", (52, 1), "lii.1"), ("1. x", "1.", (1, 0), "1"), ("a) x", "a)", (1, 0), "a"),
    ("286.1", "N", (286, 1), "286.1"), ("286.4 Everyone", "N", (286, 4), "286.4"),
    ("2° Soit", "1°", (2, 0), "2"), ("- bullet", "-", (0, 0), ""), ("– bullet", None, None, None),
])
def test_marker_styles(token, style, ordinal, num):
    marker = parse_marker(token)
    if style is None:
        assert marker is None  # parse_marker runs on normalised text, where "–" is already "-"
        return
    assert marker is not None
    reading = preferred(marker.readings)
    assert (reading.style, reading.ordinal, marker.num) == (style, ordinal, num)


@pytest.mark.parametrize("text", ["(see below) x", "(note) x", "2.5 million", "i.e. this", "(a)b",
                                  "1.1.1.1.1 x", "", "183", "Word"])
def test_things_that_are_not_numbers(text):
    assert parse_marker(text) is None


def test_a_lone_integer_is_a_section_number_only_when_allowed():
    assert parse_marker("183", bare_ok=True).readings[0].style == "N"


def test_succession_allows_inserted_numbers():
    assert follows((1, 0), (2, 0))
    assert follows((2, 0), (2, 1)) and follows((2, 1), (2, 2))
    assert not follows((2, 1), (2, 1))
    assert not follows((1, 0), (3, 0))
    assert not follows((2, 0), (3, 1))


@pytest.mark.parametrize("word,value", [("3", 3), ("premier", 1), ("1er", 1), ("IV", 4), ("33a", 33)])
def test_article_numbers(word, value):
    assert word_ordinal(word) == value


def test_first_items_win_when_nothing_continues():
    assert preferred(parse_marker("(i) x").readings).style == "(i)"
    assert preferred(parse_marker("(v) x").readings).style == "(a)"


def test_each_tradition_orders_its_lattice():
    us, commonwealth = TRADITIONS["us"], TRADITIONS["commonwealth"]
    assert us.styles["(a)"] < us.styles["(1)"] < us.styles["(A)"] < us.styles["(i)"]
    assert commonwealth.styles["(1)"] < commonwealth.styles["(a)"] < commonwealth.styles["(i)"]
    assert [level.kind for level in TRADITIONS["german"].levels[:4]] == [
        "section", "subsection", "paragraph", "subparagraph"]
    assert TRADITIONS["civil"].by_depth and not us.by_depth
    for tradition in TRADITIONS.values():
        assert style_rank(tradition, "-", tradition.styles["-"]) > style_rank(tradition, "(1)", 1)
        assert group_rank(tradition, "schedule") < group_rank(tradition, "chapter") < 10
