"""libyaml reads what it reads exactly as PyYAML does (gazette.yamlsource._composes decides which reads)."""

import random
from pathlib import Path

import yaml

from gazette import yamlsource
from gazette.findings import Report
from projects import REPO

ALPHABET = "abc:-[]{}&*|>'\"#%@`\n ,019标题=~.\\"


def _read(text: str, loader: type):
    report = Report()
    doc = yamlsource._parse_yaml(text, "x.yml", 2, report, loader)
    return (None if doc is None else (repr(doc.data), _lines(doc.node)), [f.format() for f in report.findings])


def _lines(node):
    """What the project reads of a node: its start, the end line `YamlDoc.span` computes, its children."""
    if node is None:
        return None
    children = node.value if isinstance(node.value, list) else []
    end = None if node.end_mark is None else node.end_mark.line - (1 if node.end_mark.column == 0 else 0)
    return (node.tag, node.start_mark.line, node.start_mark.column, end,
            [tuple(map(_lines, c)) if isinstance(c, tuple) else _lines(c) for c in children])


def test_libyaml_and_pyyaml_read_alike():
    texts = [path.read_text(encoding="utf-8").split("\n---\n")[0].removeprefix("---\n")
             for path in sorted((REPO / "content").rglob("*.md"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted(REPO.glob("issues/*.yml"))]
    assert all(yamlsource._composes(text) for text in texts)  # real front matter takes the fast way
    rnd = random.Random(13)
    texts += ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 40))) for _ in range(3000)]
    fast = [text for text in texts if yamlsource._composes(text)]
    assert len(fast) > 1000
    for text in fast:
        assert _read(text, yamlsource._FastLoader) == _read(text, yamlsource._Loader), text


def test_what_libyaml_reads_differently_goes_to_pyyaml():
    for text in ("a:\tb", "a: !!str 1", "? a\n: b", "a: |#\n  b", "a: b\u2028c", "[" * 2000 + "]" * 2000):
        assert not yamlsource._composes(text)
    report = Report()
    assert yamlsource.parse_yaml("title:\n\t- x", "x.yml", 2, report) is None
    assert "不能用 Tab 缩进" in report.findings[0].message  # PyYAML's message, explained
    assert getattr(yaml, "CSafeLoader", None) is None or issubclass(yamlsource._FastLoader, yaml.CSafeLoader)
