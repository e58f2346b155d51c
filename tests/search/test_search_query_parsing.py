"""What the search understands of a reader's words."""

from wagtail.search.query import And, Phrase, PlainText

from search.query import MAX_TERMS, parse_query


def test_quoted_words_are_searched_as_a_phrase():
    parsed = parse_query('"open policy" consultation')
    assert parsed.phrases == [["open", "policy"]]
    assert parsed.terms == ["consultation"]
    query = parsed.as_search_query()
    assert isinstance(query, And)
    assert {type(part) for part in query.subqueries} == {PlainText, Phrase}


def test_unbalanced_quotes_are_ignored():
    parsed = parse_query('"open policy consultation')
    assert parsed.phrases == []
    assert parsed.terms == ["open", "policy", "consultation"]


def test_curly_quotes_make_phrases_too():
    assert parse_query("“civil service” reform").phrases == [["civil", "service"]]


def test_punctuation_and_query_syntax_are_dropped():
    parsed = parse_query("care* AND (NOT x) -- 'y' \"; DROP")
    assert all(word.isalnum() for word in parsed.terms)
    assert "DROP" in parsed.terms


def test_common_words_are_left_out_unless_nothing_else_is_left():
    parsed = parse_query("the future of social care")
    assert parsed.terms == ["future", "social", "care"]
    assert parsed.ignored_words == ["the", "of"]
    assert parse_query("the of and").is_empty


def test_repeated_words_are_searched_once():
    assert parse_query("care Care CARE").terms == ["care"]


def test_too_many_words_are_cut_and_flagged():
    parsed = parse_query(" ".join(f"w{i}" for i in range(50)))
    assert len(parsed.terms) == MAX_TERMS
    assert parsed.truncated
