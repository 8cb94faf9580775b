"""先审查、后公开: personal data and secrecy markings block publication.

Scans the whole file (front matter and body) of every 主动公开 document and
its text attachments. A match passes only when the exact string is listed in
the document's `privacy_allow`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..findings import Report
from ..library.document import Document
from ..library.library import Library

_ID_CARD = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![\d.])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![\d])")
_CARD = re.compile(r"(?<![\d.])(?:\d{16,19}|\d{4}(?: \d{4}){3}(?: \d{1,3})?)(?![\d])")
_SECRECY = re.compile(
    r"(?:绝密|机密|秘密)\s*★"  # 秘密★1年
    r"|密\s*级\s*[:：]?\s*(?:绝密|机密|秘密)"  # 密级：机密
    r"|^\s*[*_【\[]*(?:绝密|机密|秘密|内部资料)[】\]*_]*\s*$"  # the marking alone on a line
    r"|内部资料\s*[，,、]?\s*(?:注意保[存管密]|请勿外传|严禁外传|不得外传)",  # 内部资料 注意保存
    re.MULTILINE,
)
# What every number above holds (three digits, an optional separator, four digits) and the words every marking
# holds: a text without them is not scanned by the patterns (they are slow on long texts).
_NUMBER_HINT = re.compile(r"\d{3}[ -]?\d{4}")
_SECRECY_WORDS = ("绝密", "机密", "秘密", "内部资料")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_TEXT_ATTACHMENTS = {".csv", ".txt", ".md", ".json", ".xml", ".html", ".htm", ".tsv", ".yml", ".yaml"}


@dataclass
class Hit:
    text: str
    offset: int
    what: str


def valid_id_card(number: str) -> bool:
    """An 18-digit 居民身份证号 with a real birth date and a correct check digit."""
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def luhn(number: str) -> bool:
    digits = [int(d) for d in number if d.isdigit()]
    total = sum(digits[-1::-2]) + sum(sum(divmod(2 * d, 10)) for d in digits[-2::-2])
    return total % 10 == 0


def scan(text: str) -> Iterator[Hit]:
    """Personal data and secrecy markings in `text`."""
    if _NUMBER_HINT.search(text):
        yield from _numbers(text)
    if any(word in text for word in _SECRECY_WORDS):
        for m in _SECRECY.finditer(text):
            yield Hit(m.group().strip(), m.start() + len(m.group()) - len(m.group().lstrip()), "密级标志")


def _numbers(text: str) -> Iterator[Hit]:
    ids = set()
    for m in _ID_CARD.finditer(text):
        if valid_id_card(m.group()):
            ids.add(m.start())
            yield Hit(m.group(), m.start(), "居民身份证号")
    for m in _MOBILE.finditer(text):
        yield Hit(m.group(), m.start(), "手机号码")
    for m in _CARD.finditer(text):
        if m.start() not in ids and luhn(m.group()) and not _MOBILE.fullmatch(m.group()):
            yield Hit(m.group(), m.start(), "银行卡号")


def check(library: Library, report: Report) -> None:
    for doc in library.documents.values():
        if not doc.is_public:
            continue  # never published; the scan guards what goes out
        allowed = set(doc.values.get("privacy_allow", []))
        info = doc.path.stat()  # a preview save: the hits of a file not written since are kept with its parse
        hits = doc.parsed.derived("privacy", lambda: _hits(_read(doc.path)), source=(info.st_mtime_ns, info.st_size))
        _report_hits(hits, doc.rel, allowed, report, skip=doc.front.span("privacy_allow"))
        for attachment in doc.values.get("attachments", []):
            path = doc.path.parent / attachment["file"]
            if path.suffix.lower() in _TEXT_ATTACHMENTS and path.is_file():
                _scan_file(path, library.config.rel(path), allowed, report)
        _unused_allowances(doc, allowed, report)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")


def _scan_file(path: Path, rel: str, allowed: set[str], report: Report) -> None:
    _report_hits(_hits(_read(path)), rel, allowed, report)


def _hits(text: str) -> list[tuple[Hit, int]]:
    """Every hit of `text` with its line."""
    return [(hit, text.count("\n", 0, hit.offset) + 1) for hit in scan(text)]


def _report_hits(hits: list[tuple[Hit, int]], rel: str, allowed: set[str], report: Report,
                 skip: tuple[int, int] | None = None) -> None:
    """Report every hit not allowed; `skip` is the privacy_allow list itself (lines)."""
    for hit, line in hits:
        if hit.text in allowed or (skip and skip[0] <= line <= skip[1]):
            continue
        if hit.what == "密级标志":
            report.error(rel, line, f"发现密级标志“{hit.text}”：涉密或内部资料不得公开。请确认文件的公开属性，"
                                    "或删除该标志后重新审查。")
        else:
            report.error(rel, line, f"发现疑似{hit.what}“{hit.text}”：个人信息须经审查后才能公开。"
                                    f"如确需公开（如公开的联系电话），请把它原样加入 privacy_allow；否则请删除或隐去。")


def _unused_allowances(doc: Document, allowed: set[str], report: Report) -> None:
    published_text = "\n".join([doc.body, str(doc.values.get("title", "")), str(doc.values.get("summary", ""))])
    for index, value in enumerate(doc.values.get("privacy_allow", [])):
        if value not in published_text:
            report.error(doc.rel, doc.line("privacy_allow", index),
                         f"privacy_allow（已审查公开信息）中的“{value}”在标题、摘要和正文中都没有出现：请删除这一项，或核对是否写错。")
