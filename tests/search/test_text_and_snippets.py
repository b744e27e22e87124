from center.search.snippets import snippet
from center.search.text import clean_query, plain_text, query_terms, segment


def test_queries_lose_control_characters_and_are_cut_to_a_sensible_length():
    assert clean_query("  ethics\x00 \n law  ") == "ethics law"
    assert len(clean_query("x" * 5000)) == 200
    assert clean_query(None) == ""


def test_chinese_is_split_into_words_and_english_is_left_alone():
    assert set(segment("人工智能伦理").split()) >= {"人工智能", "伦理"}
    assert segment("AI ethics") == "AI ethics"
    assert "伦理" in query_terms("人工智能伦理")


def test_plain_text_keeps_sentences_apart_and_decodes_entities():
    assert plain_text("<p>One.</p><p>Two &amp; three.</p>") == "One. Two & three."


def test_snippet_marks_whole_words_and_escapes_html():
    html = snippet("The <b>four</b> principles: ethics & credibility.",
                   ["principles", "credibility"])
    assert "<mark>principles</mark>" in html and "<mark>credibility</mark>" in html
    assert "&lt;b&gt;four&lt;/b&gt;" in html and "&amp;" in html


def test_snippet_starts_near_the_match_at_a_word():
    text = " ".join(f"word{n}" for n in range(100)) + " credibility at the end"
    html = snippet(text, ["credibility"])
    assert html.startswith("…word") and "<mark>credibility</mark>" in html


def test_chinese_snippet_marks_only_the_terms():
    assert (snippet("本中心研究人工智能伦理与计算法学", ["伦理"])
            == "本中心研究人工智能<mark>伦理</mark>与计算法学")
