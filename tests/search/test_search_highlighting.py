"""Extracts show the searched words highlighted, and nothing anyone typed becomes markup."""

from core.text import Matcher, highlight, highlight_all
from search.query import parse_query


def test_searched_words_are_marked_in_the_extract():
    html = highlight("Open policy making will become the default.", Matcher(["policy"]))
    assert html == "Open <mark>policy</mark> making will become the default."


def test_other_forms_of_the_word_are_marked_too():
    html = highlight("The consultations closed; consulting again.", Matcher(["consultation"]))
    assert "<mark>consultations</mark>" in html


def test_markup_in_the_text_is_escaped_before_marking():
    text = 'A <script>alert("policy")</script> & <b>policy</b>'
    html = highlight(text, Matcher(["policy", "script"]))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;<mark>script</mark>&gt;alert(&quot;<mark>policy</mark>&quot;)" in html
    assert "&amp; &lt;b&gt;<mark>policy</mark>&lt;/b&gt;" in html


def test_query_words_cannot_inject_markup_into_a_title():
    matcher = Matcher(parse_query('<mark onclick="x">care</mark>').words)
    html = highlight_all("Social care & health", matcher)
    assert html == "Social <mark>care</mark> &amp; health"


def test_long_text_is_cut_to_a_window_around_the_words():
    text = " ".join(["filler"] * 100) + " the Kerslake review " + " ".join(["more"] * 100)
    html = highlight(text, Matcher(["Kerslake"]))
    assert "<mark>Kerslake</mark>" in html
    assert html.startswith("…") and html.endswith("…")
    assert len(html.split()) < 50


def test_pen_names_are_marked_from_their_beginning():
    assert "<mark>Ermintrude2</mark>" in highlight_all("Ermintrude2", Matcher(["Ermintrude"]))
