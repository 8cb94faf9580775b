"""Property-based tests (hypothesis): hostile front matter and Markdown end in findings, never an exception.

Fixed seed (derandomize) and bounded example counts, so that CI runs the same
examples every time; in-process (load_and_check, the dialect, the sanitiser).
What they found when written is in docs/decisions.md (模糊测试).
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazette.checks.html import body_problems
from gazette.htmlpolicy import RENDERED_ATTRIBUTES, RENDERED_TAGS, allowed_image, allowed_url
from gazette.markdown import EXTENSIONS
from gazette.model.schema import DOCUMENT_SCHEMA
from gazette.project import load_and_check
from gazette.sanitize import clean
from projects import NOTICE_HEAD, write_project

FUZZED = "content/documents/2024/fz.md"
SETTINGS = dict(derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# --- front matter ---------------------------------------------------------------------------------

KEYS = st.sampled_from([key.name for key in DOCUMENT_SCHEMA]) | st.text(max_size=12)
SCALARS = (st.none() | st.booleans() | st.integers() | st.integers(min_value=10 ** 30) | st.floats()
           | st.text(max_size=40) | st.dates() | st.datetimes(timezones=st.just(dt.timezone.utc))
           | st.integers(1000, 200_000).map(lambda n: "长" * n) | st.binary(max_size=8))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=16)
MAPPINGS = st.dictionaries(KEYS, VALUES, max_size=8).map(
    lambda data: yaml.safe_dump(data, allow_unicode=True, default_flow_style=None))
RAW_YAML = st.text(alphabet="abc:-[]{}&*!|>'\"#%@`\t\n ,?019标题\r\x00\x85\u2028", max_size=200)


@st.composite
def alias_bombs(draw):
    width, depth = draw(st.integers(2, 9)), draw(st.integers(2, 14))
    lines = [f"l0: &l0 [{', '.join(['x'] * width)}]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]" for i in range(1, depth)]
    key = draw(st.sampled_from(["title", "tags", "summary", "services", "privacy_allow", "unknown"]))
    return "\n".join(lines) + f"\n{key}: *l{depth - 1}\n"


DEEP = st.integers(10, 5000).flatmap(lambda n: st.sampled_from([
    "title: " + "[" * n + "]" * n, "summary: " + "{a: " * n + "1" + "}" * n, "tags:" + "\n".join(
        " " * i + "- " for i in range(min(n, 400)))]))
FRONT = MAPPINGS | RAW_YAML | alias_bombs() | DEEP


@st.composite
def files(draw, front=FRONT, body=st.text(max_size=200)):
    text = "---\n" + draw(front) + "\n---\n" + draw(body)
    if draw(st.booleans()):
        text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n"])))
    data = text.encode("utf-8", "surrogatepass")
    prefix = draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00"]))
    junk = draw(st.binary(max_size=4)) if draw(st.integers(0, 9)) == 0 else b""
    return prefix + data + junk


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory):
    return write_project(tmp_path_factory.mktemp("fuzz") / "project", {})


def findings_of(root, data: bytes) -> list[str]:
    (root / FUZZED).write_bytes(data)
    _, report = load_and_check(root)
    return [f.format() for f in report.findings]


@settings(max_examples=300, **SETTINGS)
@given(data=files())
def test_any_front_matter_ends_in_findings(fuzz_project, data):
    found = findings_of(fuzz_project, data)
    assert all(isinstance(line, str) and ": " in line for line in found)
    assert not [line for line in found if not line.startswith((FUZZED + ":", "issues/"))]


# --- Markdown bodies ---------------------------------------------------------------------------------

TOKENS = ["<", ">", "</", "<script>", "script", "<img", " src=", "x", " onerror=", "alert(1)", "javascript:",
          "jav&#x61;script:", "&colon;", "&#10;", "[", "](", ")", "![", "]: ", "{", "}", "{: ", "#", " ", "\n",
          "\n\n", "```", "~~~", "    ", "`", "<!--", "-->", "<!-->", '"', "'", "=", "&", ";", "|", "|-|", "-",
          "*", "_", "~~", "[^1]", "[^1]: ", "!!! note\n", ":", "/", "../", "file:///etc/hostname", "data:",
          "https://www.gov.cn/", "mailto:a@b", "\t", "\x00", "\ufeff", "\u2028", "公文", "<svg", "<a href=",
          "<a rel=attachment href=", "<table><tr><td>", "</td></tr></table>", "<p onclick=", "<base href=",
          "<math>", "<style>", "url(", "<![", "<?", "<!x", "<div markdown>", "{onclick=", "<https://x.cn>", "<a@b.cn>", "\\"]
BODIES = st.lists(st.sampled_from(TOKENS) | st.text(max_size=4), max_size=80).map("".join)


class _Audit(HTMLParser):
    """Every tag, attribute and URL of sanitised HTML that gazette.htmlpolicy does not allow."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        allowed = RENDERED_ATTRIBUTES["*"] | RENDERED_ATTRIBUTES.get(tag, frozenset())
        if tag not in RENDERED_TAGS:
            self.bad.append(tag)
        for name, value in attrs:
            if name not in allowed:
                self.bad.append(f"{tag} {name}")
            elif name in ("href", "src") and not (allowed_image if tag == "img" else allowed_url)(value or ""):
                self.bad.append(f"{tag} {name}={value}")


def audit(html: str) -> list[str]:
    parser = _Audit()
    parser.feed(html)
    parser.close()
    return parser.bad


@settings(max_examples=400, **SETTINGS)
@given(body=BODIES)
def test_any_body_is_checked_and_sanitised(fuzz_project, body):
    findings_of(fuzz_project, (NOTICE_HEAD + "\n" + body).encode("utf-8", "surrogatepass"))
    problems = body_problems(body, 1)
    rendered = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSIONS).convert(body)
    assert audit(clean(rendered)) == []
    if not problems:  # what the check lets through is already within the allow-list
        assert audit(rendered) == [], rendered
