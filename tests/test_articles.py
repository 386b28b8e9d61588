import json
import os
import time
from datetime import date
from pathlib import Path

import pytest

from geo.articles import ArticleError, load_article, load_corpus

TODAY = date(2026, 11, 23)
SEEDS = Path(__file__).resolve().parents[1] / "data" / "articles"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_front_matter_article_keeps_metadata_and_text(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: Raqqa falls\nsource: AFP\nurl: https://example.org/a\n"
                 "published: 2017-10-20\nlanguage: en\n---\nKurdish-led forces retook Raqqa.\n")
    article = load_article(path, today=TODAY)
    assert (article.title, article.source, article.url) == ("Raqqa falls", "AFP", "https://example.org/a")
    assert article.published == date(2017, 10, 20) and article.published_precision == "day"
    assert article.language == "en"
    assert article.text == "Kurdish-led forces retook Raqqa."


def test_month_only_publication_date_keeps_month_precision(tmp_path):
    path = write(tmp_path, "a.md", "---\nsource: NTB\npublished: 2017-11\n---\nIS mistet Raqqa.\n")
    article = load_article(path, today=TODAY)
    assert article.published == date(2017, 11, 1)
    assert article.published_precision == "month"
    assert article.published_label == "2017-11"


def test_raw_seed_form_is_read_with_month_precision_and_title_from_first_sentence(tmp_path):
    path = write(tmp_path, "000.txt", " date 2017-11 NTB utenriks\n\nJihadistgruppa hadde fredag tatt tilbake byen.\n")
    article = load_article(path, today=TODAY)
    assert article.published == date(2017, 11, 1) and article.published_precision == "month"
    assert article.text.startswith("NTB utenriks")
    assert article.language is None
    assert article.title == "NTB utenriks"


def test_demo_corpus_has_the_publication_dates_of_the_seeds():
    articles, skipped = load_corpus(SEEDS, today=TODAY)
    assert skipped == []
    published = {a.article_id[:3]: (a.published.isoformat(), a.source, a.language) for a in articles}
    assert published == {
        "000": ("2017-11-10", "NTB", "nb"),
        "001": ("2017-11-09", "NTB/AP", "nb"),
        "002": ("2017-11-11", "NTB", "nb"),
        "003": ("2017-11-10", "Arab News (AFP)", "en"),
        "004": ("2019-02-10", "VG", "nb"),
    }


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.md", "", "empty"),
        ("blank.md", "  \n\n", "whitespace"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "---\npublished: 2017-11-10\n---\nB\xe6rum".encode("latin-1"), "UTF-8"),
        ("broken.md", "---\ntitle: [unclosed\npublished: 2017-11-10\n---\nText.\n", "not valid YAML"),
        ("unclosed.md", "---\ntitle: x\npublished: 2017-11-10\nText without closing line.\n", "no closing"),
        ("nodate.md", "---\ntitle: x\nsource: AFP\n---\nText.\n", "no 'published'"),
        ("baddate.md", "---\npublished: 10 November 2017\n---\nText.\n", "YYYY-MM-DD"),
        ("impossible.md", "---\npublished: 2017-02-30\n---\nText.\n", "not a real date"),
        ("future.md", "---\npublished: 2031-01-01\n---\nText.\n", "after today"),
        ("plain.txt", "Just some text with no date at all.\n", "no usable date"),
        ("notext.md", "---\npublished: 2017-11-10\n---\n\n", "no text"),
        ("lang.md", "---\npublished: 2017-11-10\nlanguage: norsk\n---\nText.\n", "ISO 639-1"),
    ],
)
def test_unusable_file_is_skipped_with_its_name_and_reason_while_the_rest_builds(tmp_path, name, content, reason):
    write(tmp_path, "good.md", "---\nsource: AFP\npublished: 2017-11-10\nlanguage: en\n---\nIS lost Raqqa.\n")
    write(tmp_path, name, content)
    articles, skipped = load_corpus(tmp_path, today=TODAY)
    assert [a.article_id for a in articles] == ["good"]
    assert [s.file for s in skipped] == [name]
    assert reason in skipped[0].reason


def test_file_over_the_size_limit_is_skipped(tmp_path):
    write(tmp_path, "big.md", "---\npublished: 2017-11-10\n---\n" + "Raqqa. " * 400)
    articles, skipped = load_corpus(tmp_path, today=TODAY, max_bytes=1000)
    assert articles == []
    assert "over the 1,000-byte limit" in skipped[0].reason


def test_error_for_a_single_file_says_why(tmp_path):
    path = write(tmp_path, "x.md", "---\npublished: 2017-13-01\n---\nText.\n")
    with pytest.raises(ArticleError, match="not a real date"):
        load_article(path, today=TODAY)


def test_other_files_and_hidden_files_are_ignored(tmp_path):
    write(tmp_path, ".hidden.md", "---\npublished: 2017-11-10\n---\nText.\n")
    write(tmp_path, "image.png", b"\x89PNG")
    write(tmp_path, "ok.txt", " date 2017-11 Text.\n")
    articles, skipped = load_corpus(tmp_path, today=TODAY)
    assert [a.article_id for a in articles] == ["ok"] and skipped == []


# --- hostile and odd files (issue 14): each is skipped with its name and a short reason ----------------

GOOD = "---\nsource: AFP\npublished: 2017-11-10\nlanguage: en\n---\nIS lost Raqqa.\n"


def skipped_reasons(tmp_path, **kwargs) -> dict[str, str]:
    write(tmp_path, "good.md", GOOD)
    articles, skipped = load_corpus(tmp_path, today=TODAY, **kwargs)
    assert [a.article_id for a in articles] == ["good"]
    for s in skipped:
        assert len(s.reason) <= 300 and "Traceback" not in s.reason and str(tmp_path) not in s.reason
    return {s.file: s.reason for s in skipped}


def test_front_matter_nested_too_deep_is_skipped(tmp_path):
    write(tmp_path, "deep.md", "---\npublished: 2017-11-10\ndeep: " + "[" * 5000 + "]" * 5000 + "\n---\nText.\n")
    write(tmp_path, "deep_block.md", "---\npublished: 2017-11-10\n" +
          "".join(" " * i + "deeper:\n" for i in range(150)) + " " * 150 + "end: 1\n---\nText.\n")
    reasons = skipped_reasons(tmp_path)
    assert set(reasons) == {"deep.md", "deep_block.md"}
    assert all("nest" in reason for reason in reasons.values())


@pytest.mark.parametrize("key", ["published", "title", "notes"])
def test_yaml_billion_laughs_is_skipped_quickly_with_a_short_reason(tmp_path, key):
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        levels.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    write(tmp_path, "laughs.md", "---\n" + "published: 2017-11-10\n" * (key != "published") + "\n".join(levels)
          + f"\n{key}: *i\n---\nText.\n")
    start = time.perf_counter()
    reasons = skipped_reasons(tmp_path)
    assert time.perf_counter() - start < 5
    assert "alias" in reasons["laughs.md"]


def test_merge_keys_cannot_expand_front_matter_either(tmp_path):
    lines = ["published: 2017-11-10", "m0: &m0 {k0: 1, k1: 2, k2: 3}"]
    for i in range(1, 9):
        lines.append(f"m{i}: &m{i} {{<<: [" + ", ".join([f"*m{i - 1}"] * 9) + f"], own{i}: 1}}")
    write(tmp_path, "merge.md", "---\n" + "\n".join(lines) + "\n---\nText.\n")
    assert "alias" in skipped_reasons(tmp_path)["merge.md"]


def test_a_long_bad_value_gives_a_short_reason(tmp_path):
    write(tmp_path, "long.md", "---\npublished: " + "x" * 10_000 + "\n---\nText.\n")
    write(tmp_path, "huge.md", "---\npublished: 2017-11-10\ntitle: [" + "1," * 30_000 + "1]\n---\nText.\n")
    write(tmp_path, "digits.md", "---\npublished: " + "9" * 10_000 + "\n---\nText.\n")
    reasons = skipped_reasons(tmp_path)
    assert "YYYY-MM-DD" in reasons["long.md"]
    assert "front matter" in reasons["huge.md"] and "front matter" in reasons["digits.md"]


def test_a_file_name_that_is_not_utf8_is_skipped_by_a_printable_name(tmp_path):
    with open(os.fsencode(tmp_path) + b"/bad\xff name.md", "wb") as file:
        file.write(GOOD.encode())
    reasons = skipped_reasons(tmp_path)
    assert list(reasons) == ["bad\\xff name.md"]
    assert "UTF-8" in reasons["bad\\xff name.md"]
    json.dumps(reasons, ensure_ascii=False).encode("utf-8")  # fits report.json


@pytest.mark.parametrize("published", ["1800-01-01", "0001-01-01", "1989-12"])
def test_a_publication_date_before_the_plausible_window_is_skipped(tmp_path, published):
    write(tmp_path, "old.md", f"---\npublished: {published}\n---\nIS lost Raqqa yesterday.\n")
    assert "before 1990-01-01" in skipped_reasons(tmp_path)["old.md"]


def test_the_earliest_plausible_date_can_be_moved(tmp_path):
    write(tmp_path, "old.md", "---\npublished: 1800-01-01\n---\nThe town fell yesterday.\n")
    articles, skipped = load_corpus(tmp_path, today=TODAY, earliest=date(1700, 1, 1))
    assert [a.published for a in articles] == [date(1800, 1, 1)] and skipped == []


@pytest.mark.parametrize("language", ["xx", "ar", '"no"'])
def test_an_unsupported_language_is_skipped_naming_the_supported_ones(tmp_path, language):
    write(tmp_path, "foreign.md", f"---\npublished: 2017-11-10\nlanguage: {language}\n---\nText.\n")
    reason = skipped_reasons(tmp_path)["foreign.md"]
    code = language.strip('"')
    assert f"'{code}' is not supported" in reason and "en, nb" in reason


def test_language_no_unquoted_is_yaml_false_and_the_reason_says_so(tmp_path):
    write(tmp_path, "norsk.md", "---\npublished: 2017-11-10\nlanguage: no\n---\nText.\n")
    assert "quotes" in skipped_reasons(tmp_path)["norsk.md"]


def test_a_symbolic_link_is_not_followed_but_reported(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    write(outside, "secret.md", "---\npublished: 2017-11-10\n---\nSecret text about Raqqa.\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "link.md").symlink_to(outside / "secret.md")
    (corpus / "dangling.md").symlink_to(outside / "missing.md")
    reasons = skipped_reasons(corpus)
    assert set(reasons) == {"link.md", "dangling.md"}
    assert all("symbolic link" in reason for reason in reasons.values())


@pytest.mark.timeout(60)
def test_a_fifo_and_a_folder_named_like_articles_are_reported_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "folder.md").mkdir()
    reasons = skipped_reasons(tmp_path)
    assert "not a regular file" in reasons["pipe.md"]
    assert "folder" in reasons["folder.md"]


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    write(tmp_path, "good.md", GOOD)
    write(tmp_path, "wide.md", ("\ufeff" + GOOD.replace("\n", "\r\n")).encode("utf-16-le"))
    write(tmp_path, "wide_be.md", GOOD.encode("utf-16"))
    articles, skipped = load_corpus(tmp_path, today=TODAY)
    assert skipped == []
    assert {a.article_id: a.text for a in articles} == {
        "good": "IS lost Raqqa.", "wide": "IS lost Raqqa.", "wide_be": "IS lost Raqqa."}


def test_utf16_without_a_byte_order_mark_is_called_utf16_not_binary(tmp_path):
    write(tmp_path, "wide.md", GOOD.encode("utf-16-le"))
    assert "UTF-16" in skipped_reasons(tmp_path)["wide.md"]


def test_zero_width_characters_are_removed_from_the_text(tmp_path):
    path = write(tmp_path, "zw.md", "---\ntitle: Raq\u200dqa\npublished: 2017-11-10\n---\n"
                 "IS lost Raq\u200bqa, Ha\u2060jin and al-\ufeffQaim. Mo\u200csul.\n")
    article = load_article(path, today=TODAY)
    assert article.text == "IS lost Raqqa, Hajin and al-Qaim. Mosul."
    assert article.title == "Raqqa"


def test_a_read_error_gives_its_reason_without_the_absolute_path(tmp_path, monkeypatch):
    write(tmp_path, "locked.md", GOOD)
    real_open, real_read_bytes = os.open, Path.read_bytes

    def refuse(path, *args, **kwargs):
        if os.fsdecode(path).endswith("locked.md"):
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_open(path, *args, **kwargs)

    def refuse_bytes(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", refuse)
    monkeypatch.setattr(Path, "read_bytes", lambda self: refuse_bytes(self) if self.name == "locked.md"
                        else real_read_bytes(self))
    assert "Permission denied" in skipped_reasons(tmp_path)["locked.md"]


@pytest.mark.parametrize("text", [
    "title: Raqqa falls\nsource: AFP\npublished: 2017-10-20\nlanguage: en",
    "title: 'It''s: over'\nsource: \"NTB\"\nsynthetic: true\nlanguage: no\nyes: off",
    "title: 12:30\ncount: 0x1f\nratio: .inf\nnothing: ~\nempty:\nlist: - a",
    "title: Deir ez-Zor – «frigjort»\nurl: https://x.example/a?b=c:d\n\ntitle: again",
    "a: b: c", "a: 'open", "published: 2017-11-10 10:00:00\nn: 1_000\nf: -1.5e3",
])
def test_flat_front_matter_reads_as_the_bounded_loader_reads_it(text):
    import yaml

    from geo.front_matter import _BoundedLoader, _fast_load

    fast, value = _fast_load(text)
    try:
        expected = yaml.load(text, Loader=_BoundedLoader)
    except yaml.YAMLError:
        assert not fast  # an error is always worded by the bounded loader
        return
    assert fast and repr(value) == repr(expected)
