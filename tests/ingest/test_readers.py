"""Ingest: every supported format reads into SourceRecords; every kind of bad input is one clear error."""

from __future__ import annotations

import gzip
import json

import pytest

from dyads.errors import InputError
from dyads.ingest import make_document, read_sources
from dyads.records import SourceRecord

ARTICLE = "Iraqi Prime Minister Mustafa al-Kadhimi met US President Joe Biden in Washington on Monday."


def read(*paths, **kw):
    return list(read_sources([str(p) for p in paths], **kw))


def records(items):
    return [i for i in items if isinstance(i, SourceRecord)]


def errors(items):
    return [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize("name", ["a.txt", "a.md"])
def test_plain_text_is_read_as_is(write, name):
    path = write(name, ARTICLE + "\n")
    [rec] = read(path)
    assert rec.text == ARTICLE + "\n" and rec.fmt == "text" and rec.source == str(path)
    assert rec.source_id is None and rec.published is None


def test_crlf_line_endings_read_as_python_text_mode_does(write):
    path = write("a.txt", (ARTICLE + "\r\nSecond line.\r\n").encode())
    [rec] = read(path)
    assert rec.text == ARTICLE + "\nSecond line.\n"


def test_html_main_text_title_and_date_come_from_the_page(write):
    html = (
        "<html><head><title>Talks in Washington</title>"
        '<meta property="article:published_time" content="2021-07-26"></head><body>'
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>Talks in Washington</h1>"
        f"<p>{ARTICLE} {ARTICLE}</p><p>The two leaders agreed to end the US combat mission in Iraq.</p>"
        "</article><footer>Copyright 2021. All rights reserved.</footer></body></html>")
    [rec] = read(write("page.html", html))
    assert rec.fmt == "html"
    assert "agreed to end the US combat mission" in rec.text
    assert "All rights reserved" not in rec.text and "Home" not in rec.text
    assert rec.title == "Talks in Washington" and rec.published == "2021-07-26"


def test_json_object_and_list_with_metadata(write):
    one = {"id": "a1", "text": ARTICLE, "title": "Meeting", "date": "2021-07-26T10:00:00Z",
           "url": "https://www.example.com/x"}
    many = [one, {"id": 7, "text": "Second story about Iran.", "published": "July 9, 2021"}]
    [rec] = read(write("one.json", json.dumps(one)))
    assert (rec.source_id, rec.title, rec.published, rec.url, rec.outlet) == (
        "a1", "Meeting", "2021-07-26", "https://www.example.com/x", "example.com")
    recs = read(write("many.json", json.dumps(many)))
    assert [r.source_id for r in recs] == ["a1", "7"]
    assert recs[1].published == "2021-07-09"


def test_jsonl_each_line_is_a_document_and_a_bad_line_does_not_stop_the_rest(write):
    lines = [json.dumps({"id": "1", "text": ARTICLE}), "{not json", "", json.dumps({"id": "2", "text": "Another."})]
    items = read(write("news.jsonl", "\n".join(lines)))
    assert [r.source_id for r in records(items)] == ["1", "2"]
    [err] = errors(items)
    assert err.code == "E006" and "news.jsonl: malformed JSON at line 2" in str(err)


def test_csv_with_text_title_and_date_columns(write):
    path = write("news.csv", 'id,title,date,text\n1,T1,2021-02-24,"Biden called Kadhimi, they talked."\n2,,,Second\n')
    recs = read(path)
    assert [(r.source_id, r.title, r.published) for r in recs] == [("1", "T1", "2021-02-24"), ("2", None, None)]
    assert recs[0].text == "Biden called Kadhimi, they talked."


@pytest.mark.parametrize("name", ["a.txt.gz", "a.jsonl.gz"])
def test_gzip_of_any_format(write, name):
    content = ARTICLE if name.startswith("a.txt") else json.dumps({"id": "g", "text": ARTICLE})
    [rec] = read(write(name, gzip.compress(content.encode())))
    assert rec.text == ARTICLE


def test_directories_are_walked_recursively_in_stable_order_and_globs_expand(write, tmp_path):
    write("corpus/b.txt", "Second.")
    write("corpus/sub/a.txt", "First.")
    write("corpus/.hidden.txt", "Hidden.")
    write("corpus/image.png", b"\x89PNG\x00\x00")
    texts = [r.text for r in read(tmp_path / "corpus")]
    assert texts == ["Second.", "First."]
    assert [r.text for r in read(str(tmp_path / "corpus" / "**" / "*.txt"))] == ["Second.", "First."]


def test_same_file_named_twice_is_read_once(write):
    path = write("a.txt", ARTICLE)
    assert len(read(path, path)) == 1


# Bad input: (file name, content, error code, words the one-line message must contain)
BAD_INPUTS = [
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 10, "E003", "binary content"),
    ("empty.txt", b"", "E005", "empty document"),
    ("blank.txt", b"  \n\t\n", "E005", "empty document"),
    ("latin1.txt", "Caf\xe9 in S\xe3o Paulo".encode("latin-1"), "E004", "not valid UTF-8 at byte 3"),
    ("broken.json", b'{"text": "unterminated', "E006", "malformed JSON at line 1"),
    ("list.json", b"42", "E014", "must be an object or a list"),
    ("notext.json", b'{"body": "x"}', "E007", 'has no "text" field'),
    ("nontext.jsonl", b'{"text": 5}', "E013", "not a string"),
    ("emptytext.jsonl", b'{"id": 1, "text": "  "}', "E016", 'empty "text"'),
    ("notext.csv", b"id,body\n1,x\n", "E007", "fields seen: id, body"),
    ("ragged.csv", b'id,text\n1,"a",extra\n', "E008", "more cells than the header"),
    ("nothing.html", b"<html><body><nav></nav></body></html>", "E009", "no main text found in HTML"),
    ("corrupt.txt.gz", b"\x1f\x8b\x08\x00garbage", "E011", "corrupt gzip file"),
]


@pytest.mark.parametrize("name,content,code,words", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_gives_one_line_error_naming_the_file(write, name, content, code, words):
    path = write(name, content)
    [err] = errors(read(path))
    message = str(err)
    assert err.code == code and str(path) in message and words in message
    assert "\n" not in message and message.startswith(f"[{code}]")


def test_explicit_unsupported_file_and_missing_path_are_errors(write, tmp_path):
    path = write("slides.pptx", b"PK")
    [err] = errors(read(path))
    assert err.code == "E012" and "unsupported file type '.pptx'" in str(err)
    [missing] = errors(read(tmp_path / "nope.txt"))
    assert missing.code == "E001" and "nope.txt: no such file or directory" in str(missing)


def test_too_large_document_is_refused_with_the_limit(write):
    [err] = errors(read(write("big.txt", "word " * 100), max_chars=50))
    assert err.code == "E010" and "500 characters > limit 50" in str(err) and "--max-chars" in str(err)


def test_explicit_encoding_reads_legacy_files(write):
    [rec] = read(write("latin1.txt", "Café in São Paulo".encode("latin-1")), encoding="latin-1")
    assert rec.text == "Café in São Paulo"


def test_document_id_is_a_hash_of_normalized_content():
    a = make_document(SourceRecord(source="a.txt", text="Iraq  and Iran\n agreed."))
    b = make_document(SourceRecord(source="b.txt", text="Iraq and Iran agreed.  "))
    c = make_document(SourceRecord(source="a.txt", text="Iraq and Iran disagreed."))
    assert a.doc_id == b.doc_id != c.doc_id
