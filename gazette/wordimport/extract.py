"""The 公文要素 of an imported file: title, 发文字号, 成文日期, 发文机关, attachments.

A 公文 (GB/T 9704) prints, in order: the 版头 (发文机关标志, “……文件”), the
发文字号, the title, the body, the 附件说明, the signature (发文机关署名) and
the 成文日期, and an 附注 such as “（此件公开发布）”.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model.kinds import genre_of_title
from ..model.docnumber import IN_TEXT, DocNumber
from ..model.suggest import did_you_mean
from ..model.vocabulary import Vocabulary
from .numbering import CHINESE_DIGITS
from .reader import Paragraph, WordFile

_NUMERAL = r"\d{1,2}|[〇一二三四五六七八九十]{1,3}"
_DATE = re.compile(rf"^(\d{{4}}|[〇○零一二三四五六七八九]{{4}})年({_NUMERAL})月({_NUMERAL})日$")
_ATTACHMENT_NOTE = re.compile(r"^附\s*件\s*[：:]\s*(.*)$")
_ITEM = re.compile(r"^(\d+)\s*[.．、]\s*(.+)$")
_NOTE = re.compile(r"^[（(]\s*(此件[^）)]*)[）)]$")
_AGENCY_ENDINGS = ("政府", "办公室", "委员会", "局", "办事处", "中心", "委", "办", "院", "厅")
_SPACES = re.compile(r"[\s\u3000]+")


@dataclass
class Found:
    title: str | None = None
    doc_number: str | None = None
    signed: dt.date | None = None
    issuers: list[str] = field(default_factory=list)  # full names from the agencies vocabulary
    issuer_note: str = ""  # what the signature said, when it matched no agency
    attachments: list[str] = field(default_factory=list)  # titles from the 附件说明
    disclosure_note: str = ""  # the 附注, e.g. 此件公开发布
    body: list = field(default_factory=list)  # blocks after the title


def compact(text: str) -> str:
    return _SPACES.sub("", text)


def extract(file: WordFile, agencies: Vocabulary) -> Found:
    blocks = [b for b in file.blocks if not (isinstance(b, Paragraph) and not b.markdown)]
    found = Found()
    start, end = _title(blocks)
    head = blocks[:start] if start is not None else _head(blocks)
    if start is not None:
        found.title = "".join(b.text.strip() for b in blocks[start:end])
    found.body = blocks[end:] if start is not None else blocks[len(head):]
    found.doc_number = _doc_number(head)
    paragraphs = [b for b in found.body if isinstance(b, Paragraph)]
    date_at = next((i for i, p in enumerate(paragraphs) if parse_date(p.text)), None)
    if date_at is not None:
        found.signed = parse_date(paragraphs[date_at].text)
        found.issuers, found.issuer_note = _signature(paragraphs[max(0, date_at - 3):date_at], agencies)
    if not found.issuers and not found.issuer_note:  # no signature: the masthead names the issuer
        found.issuers = _masthead(head, agencies)
    found.attachments = _attachments(paragraphs)
    found.disclosure_note = next((m.group(1) for p in paragraphs if (m := _NOTE.match(compact(p.text)))), "")
    return found


def _is_masthead(text: str) -> bool:
    return compact(text).endswith("文件") and len(compact(text)) <= 40


def _title(blocks: list) -> tuple[int | None, int]:
    """Index range of the title: a Title-styled paragraph, else the first line that reads like one."""
    candidates = [(i, b) for i, b in enumerate(blocks[:15]) if isinstance(b, Paragraph)]
    styled = next((i for i, b in candidates if b.heading == 0), None)
    if styled is not None:
        return styled, styled + 1
    for i, para in candidates:
        if not _reads_like_title(para.text):
            continue
        end = i + 1
        while (not genre_of_title(_joined(blocks, i, end)) and end < min(len(blocks), i + 3)
               and isinstance(blocks[end], Paragraph) and blocks[end].centered):
            end += 1  # a long title set over two or three centred lines
        return i, end if genre_of_title(_joined(blocks, i, end)) else i + 1
    # A title that names no 文种 (…条例, …办法): the first centred line after the masthead.
    centred = next((i for i, b in candidates if b.centered and _could_be_title(b.text)), None)
    return (centred, centred + 1) if centred is not None else (None, 0)


def _could_be_title(text: str) -> bool:
    text = compact(text)
    return not (IN_TEXT.search(text) or _is_masthead(text) or parse_date(text) or text.endswith(("：", ":"))
                or len(text) > 120)


def _reads_like_title(text: str) -> bool:
    return _could_be_title(text) and bool(genre_of_title(compact(text)) or "关于" in compact(text)[:40])


def _joined(blocks: list, start: int, end: int) -> str:
    return compact("".join(b.text for b in blocks[start:end]))


def _head(blocks: list) -> list:
    """Without a title: the leading masthead and 发文字号 lines."""
    head = []
    for block in blocks:
        if not isinstance(block, Paragraph) or not (_is_masthead(block.text) or IN_TEXT.search(compact(block.text))):
            break
        head.append(block)
    return head


def _doc_number(head: list) -> str | None:
    for para in head:
        match = IN_TEXT.search(compact(para.text))
        if match:
            number = DocNumber.read(match.group())
            return str(number) if number else None
    return None


def _masthead(head: list, agencies: Vocabulary) -> list[str]:
    for para in head:
        if _is_masthead(para.text):
            entry = agencies.lookup(compact(para.text)[:-2])
            if entry:
                return [entry.name]
    return []


def _signature(lines: list[Paragraph], agencies: Vocabulary) -> tuple[list[str], str]:
    """Agencies named in the lines just above the date (joint signatures: several names)."""
    names, unknown = [], []
    for para in lines:
        text = para.text.strip()
        if not text or text.endswith(("。", "：", ":", "；")) or len(compact(text)) > 60:
            names.clear()
            unknown.clear()  # body text: the signature starts after it
            continue
        for part in _SPACES.split(text):
            entry = agencies.lookup(part) if part else None
            if entry:
                names.append(entry.name)
            elif part.endswith(_AGENCY_ENDINGS):
                unknown.append(part)
    note = ""
    if unknown:
        hint = did_you_mean(unknown[0], agencies.aliases())
        note = f"落款为“{'、'.join(unknown)}”，不在发文机关词表中{'；' + hint.removesuffix('？') if hint else ''}"
    return list(dict.fromkeys(names)), note


def _attachments(paragraphs: list[Paragraph]) -> list[str]:
    """Titles listed in the 附件说明 (附件：1．……  2．……)."""
    for i, para in enumerate(paragraphs):
        match = _ATTACHMENT_NOTE.match(para.text.strip())
        if not match:
            continue
        first = match.group(1).strip()
        items = [first] if first else []
        for following in paragraphs[i + 1:]:
            if not _ITEM.match(following.text.strip()):
                break
            items.append(following.text.strip())
        return [_clean_item(item) for item in items if _clean_item(item)]
    return []


def _clean_item(item: str) -> str:
    match = _ITEM.match(item)
    text = match.group(2) if match else item
    return text.strip().rstrip("；;。.，,").strip()


def parse_date(text: str) -> dt.date | None:
    """2024年1月30日 or 二〇二四年一月三十日, alone on its line; None otherwise."""
    match = _DATE.match(compact(text))
    if not match:
        return None
    year, month, day = (_number(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    text = text.replace("○", "〇").replace("零", "〇")
    if len(text) == 4:  # a year, digit by digit
        return int("".join(str(CHINESE_DIGITS.index(c)) for c in text))
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CHINESE_DIGITS.index(tens) if tens else 1) * 10 + (CHINESE_DIGITS.index(ones) if ones else 0)
    return CHINESE_DIGITS.index(text)

