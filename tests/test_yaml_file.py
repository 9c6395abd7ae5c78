"""Reading a YAML case file: the data as written, and the line of every key for problems."""

from __future__ import annotations

from pathlib import Path

from advocate.load.yaml_file import read_yaml
from advocate.models.problem import Problems


def _read(tmp_path: Path, text: str):
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    return read_yaml(path, "case.yaml", problems), [str(p) for p in problems]


def test_dates_stay_the_text_the_user_wrote(tmp_path):
    doc, problems = _read(tmp_path, "a: 2017-03-01\nb: 2017-02-30\nc: 2017-03\nd: 2017\ne: 2017-03-01T10:00:00\n")
    assert problems == []
    assert doc.data == {"a": "2017-03-01", "b": "2017-02-30", "c": "2017-03", "d": 2017, "e": "2017-03-01T10:00:00"}


def test_plain_values_are_read_as_yaml_1_2_reads_them(tmp_path):
    doc, _ = _read(
        tmp_path,
        "a: yes\nb: off\nc: 010\nd: 0x1F\ne: 1_000\nf: 1:20\ng: ~\nh:\n"
        "i: 1.5\nj: true\nk: 'quoted 010'\nl: [1, two]\nm: |\n  two\n  lines\n",
    )
    assert doc.data == {
        "a": "yes",
        "b": "off",
        "c": 10,
        "d": 31,
        "e": 1000,
        "f": "1:20",
        "g": None,
        "h": None,
        "i": 1.5,
        "j": True,
        "k": "quoted 010",
        "l": [1, "two"],
        "m": "two\nlines\n",
    }
    assert type(doc.data["j"]) is bool and type(doc.data["c"]) is int


def test_every_key_and_item_knows_its_line(tmp_path):
    text = (
        "# a comment\n"
        "title: T\n"
        "decisions:\n"
        "  - id: d1\n"
        "    licences:\n"
        "      - A\n"
        "      - B\n"
        "  - id: d2\n"
        "    licences: [C]\n"
    )
    doc, _ = _read(tmp_path, text)
    assert doc.line_of(()) == 2
    assert doc.line_of(("title",)) == 2
    assert doc.line_of(("decisions", 0, "licences", 1)) == 7
    assert doc.line_of(("decisions", 1)) == 8
    assert doc.line_of(("decisions", 1, "licences", 0)) == 9
    assert doc.line_of(("decisions", 1, "missing")) == 8  # the nearest parent that is there
    assert doc.line_of(("decisions", 5)) == 3


def test_merged_keys_are_read_and_located(tmp_path):
    doc, problems = _read(tmp_path, "base: &base\n  kind: report\n  title: T\nsource:\n  <<: *base\n  kind: news\n")
    assert problems == []
    assert doc.data["source"] == {"kind": "news", "title": "T"}
    assert doc.line_of(("source", "kind")) == 6
    assert doc.line_of(("source", "title")) == 3


def test_a_key_given_twice_names_both_lines(tmp_path):
    doc, problems = _read(tmp_path, "title: One\nsummary: S\ntitle: Two\n")
    assert doc is None
    assert problems == [
        "case.yaml:3: error: 'title' is given twice in this mapping (first on line 1); "
        "keep one of them: YAML would silently drop the first"
    ]


def test_malformed_yaml_names_the_line(tmp_path):
    doc, problems = _read(tmp_path, "title: T\nsummary: [unclosed\nother: x\n")
    assert doc is None and len(problems) == 1
    assert problems[0].startswith("case.yaml:") and "malformed YAML" in problems[0]


def test_a_tab_says_so(tmp_path):
    doc, problems = _read(tmp_path, "- id: a\n\tkind: report\n")
    assert doc is None
    assert problems == [
        "case.yaml:2: error: malformed YAML: while scanning a plain scalar found a tab character that "
        "violates indentation; YAML indents with spaces, never tabs: replace the tab with spaces"
    ]


def test_tools_that_edit_a_case_file_get_its_round_trip_tree_with_comments(tmp_path):
    doc, _ = _read(tmp_path, "# the matter\ntitle: T  # short\ndate: 2017-02-30\nlist:\n  - a\n")
    tree = doc.tree
    assert type(tree).__name__ == "CommentedMap"
    assert tree["date"] == "2017-02-30"  # as the loader keeps it: text, even when no such day exists
    assert tree.lc.key("list") == (3, 0)
    assert "# short" in str(tree.ca.items["title"])
