"""Adding an article through the app or `python -m geo add`: what becomes an article, and the reasons
given for what cannot, the same as for a bad file in the corpus folder."""

from datetime import date

import pytest

from geo.articles import ArticleError
from geo.intake import ArticleForm, article_from_text, article_from_upload

TODAY = date(2026, 11, 30)
TEXT = ("The Syrian Democratic Forces said on Saturday they had captured Baghuz, the last enclave held by the "
        "Islamic State group in eastern Syria.")
FORM = ArticleForm(source="Test wire", published="2019-03-23")


def test_pasted_text_with_the_form_becomes_an_article_with_a_readable_stable_id():
    article = article_from_text(TEXT, ArticleForm(title="Baghuz falls", source="Test wire", url="https://x.org/a",
                                                  published="2019-03-23"), TODAY)
    assert article.article_id.startswith("2019-03-23-baghuz-falls-")
    assert (article.title, article.source, article.url, article.language) == (
        "Baghuz falls", "Test wire", "https://x.org/a", "en")
    assert article.published == date(2019, 3, 23) and article.published_precision == "day"
    assert article_from_text(TEXT + "\n", FORM, TODAY).article_id == article_from_text(TEXT, FORM, TODAY).article_id


def test_language_left_empty_is_detected_and_a_month_is_a_month():
    norwegian = ("Kurdiskledede styrker har tatt kontroll over Baghuz, den siste landsbyen IS holdt i Syria, "
                 "opplyser en talsmann lørdag.")
    article = article_from_text(norwegian, ArticleForm(published="2019-03"), TODAY)
    assert article.language == "nb" and article.published_precision == "month"


def test_front_matter_in_the_text_fills_what_the_form_leaves_empty():
    text = f"---\ntitle: From the file\nsource: Wire\npublished: 2019-03-23\nlanguage: en\n---\n{TEXT}\n"
    article = article_from_text(text, ArticleForm(source="Typed outlet"), TODAY)
    assert (article.title, article.source, article.published) == ("From the file", "Typed outlet", date(2019, 3, 23))
    assert not article.text.startswith("---")


def test_html_upload_keeps_the_article_text_and_drops_menus_and_markup():
    html = (b"<html><head><title>Baghuz falls</title></head><body><nav>Home | Sport | Weather</nav><article>"
            b"<h1>Baghuz falls</h1><p>" + TEXT.encode() + b"</p><script>alert(1)</script></article>"
            b"<footer>Copyright</footer></body></html>")
    article = article_from_upload("story.html", html, FORM, TODAY)
    assert "captured Baghuz" in article.text
    assert "<" not in article.text and "alert" not in article.text and "Weather" not in article.text
    assert article.title == "Baghuz falls"


@pytest.mark.parametrize("name, raw, reason", [
    ("a.pdf", b"%PDF-1.7", "is not an article file"),
    ("a.md", b"", "file is empty"),
    ("a.md", b"\x00\x01\x02binary", "binary"),
    ("a.txt", "Baghuz".encode("utf-16-le") * 20, "UTF-16 without a byte-order mark"),
    ("a.md", b"caf\xe9 " * 20, "not valid UTF-8"),
    ("a.md", b"---\ntitle: [unclosed\n---\n" + TEXT.encode(), "not valid YAML"),
    ("a.md", b"---\ntitle: x\n" + TEXT.encode(), "no closing '---'"),
    ("a.md", b"   \n\n  ", "only whitespace"),
    ("a.md", b"Baghuz fell.", "not only a headline"),
    ("a.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text found"),
])
def test_bad_uploads_are_refused_with_the_reason(name, raw, reason):
    with pytest.raises(ArticleError, match=reason):
        article_from_upload(name, raw, FORM, TODAY)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    with pytest.raises(ArticleError, match="over the 1,000-byte limit"):
        article_from_upload("big.md", b"x" * 1001, FORM, TODAY, max_bytes=1000)


@pytest.mark.parametrize("form, reason", [
    (ArticleForm(), "give the publication date"),
    (ArticleForm(published="23.03.2019"), "must be YYYY-MM-DD or YYYY-MM"),
    (ArticleForm(published="2027-01-01"), "after today"),
    (ArticleForm(published="1800-01-01"), "before 1990-01-01"),
    (ArticleForm(published="2019-03-23", language="de"), "language 'de' is not supported"),
    (ArticleForm(published="2019-03-23", language="no"), "Norwegian Bokmål is 'nb'"),
])
def test_bad_form_values_are_refused_with_the_reason(form, reason):
    with pytest.raises(ArticleError, match=reason):
        article_from_text(TEXT, form, TODAY)
