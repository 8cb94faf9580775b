"""Validity as a reader meets it, decided once for every output.

The order is content-model.md's: an explicit `status`, then repealed, then
amended or superseded (gazette.model.relations gives the order and the
effect), then expired, else 有效. Two kinds then show a state of their own: a
政策解读 follows the policy it interprets once that is no longer in force, and
a 申报通知 with a deadline is 申报中 until that day and 已截止 after it. A
repealed document names when and by what. Pages, feeds, open data, JSON-LD and
PDFs all read `Document.status` and the texts below, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.kinds import AMENDED, CALL, CLOSED, EXPIRED, INTERPRETATION, OPEN, REPEALED, VALID
from ..model.relations import CHANGES
from .dates import chinese_date
from .document import Document

REPEALS = next(relation for relation in CHANGES if relation.effect == REPEALED)
NO_LONGER = {REPEALED: "已废止", EXPIRED: "已失效", AMENDED: "已修订"}  # states an interpretation follows


@dataclass(frozen=True)
class Notice:
    """A text and the documents it names after it (public ones only), e.g. a banner and its links."""

    text: str
    documents: tuple[Document, ...] = ()


@dataclass(frozen=True)
class Repeal:
    date: dt.date | None  # the repealing document's `effective`, else its `published`
    by: tuple[Document, ...]  # the public documents that repealed it


def own_validity(doc: Document, build_date: dt.date) -> tuple[str, list[Document]]:
    """(有效性, newer documents) from the document's own front matter and the documents naming it."""
    newer = {r.key: sorted(doc.related_from.get(r.key, []), key=lambda d: d.sort_key) for r in CHANGES}
    if doc.values.get("status"):
        return doc.values["status"], sorted({d for docs in newer.values() for d in docs}, key=lambda d: d.sort_key)
    for relation in CHANGES:
        if newer[relation.key]:
            return relation.effect, newer[relation.key]
    expires = doc.values.get("expires")
    if expires and expires < build_date:
        return EXPIRED, []
    return VALID, []


def settle(doc: Document, build_date: dt.date) -> None:
    """The kinds with a state of their own; run once every document's own validity is known."""
    if doc.status != VALID:
        return
    policy = doc.interprets_doc
    if doc.kind == INTERPRETATION and not doc.values.get("status") and policy is not None and policy.is_public \
            and policy.status in NO_LONGER:
        doc.status, doc.follows = policy.status, policy
    elif doc.kind == CALL and doc.deadline:
        doc.status = OPEN if build_date <= doc.deadline else CLOSED


def repeal(doc: Document) -> Repeal | None:
    """When and by what a 废止 document was repealed (None when it is not 废止)."""
    if doc.status != REPEALED or doc.follows is not None:
        return None
    repealers = doc.related_from.get(REPEALS.key, [])
    dates = [d.effective or d.published for d in repealers if d.effective or d.published]
    public = tuple(sorted((d for d in repealers if d.is_public), key=lambda d: d.sort_key))
    return Repeal(min(dates) if dates else None, public)


def _public(docs) -> tuple[Document, ...]:
    return tuple(d for d in docs if d.is_public)


def banner(doc: Document) -> Notice | None:
    """The notice above a document whose state a reader must know before reading it."""
    if doc.follows is not None:
        policy = doc.follows
        return Notice(f"本解读所解读的政策文件{NO_LONGER[policy.status]}{_since(policy)}，"
                      + ("解读内容可能与现行规定不一致，请以修订后的文件为准。" if policy.status == AMENDED
                         else "本解读不再适用。") + "所解读的文件：", (policy,))
    if doc.status == REPEALED:
        found = repeal(doc)
        since = f"，自{chinese_date(found.date)}起不再执行。" if found and found.date else "，不再执行。"
        return Notice("本文件已废止" + since + ("废止依据：" if found and found.by else ""), found.by if found else ())
    if doc.status == AMENDED:
        newer = _public(doc.newer)
        return Notice("本文件已修订，请以修订后的文件为准：" if newer else "本文件已修订。", newer)
    if doc.status == EXPIRED:
        return Notice(f"本文件已失效（有效期至{chinese_date(doc.expires)}）。" if doc.expires else "本文件已失效。")
    if doc.status == OPEN:
        return Notice(f"本通知正在受理申报，申报截止日期为{chinese_date(doc.deadline)}。")
    if doc.status == CLOSED:
        return Notice(f"本通知的申报已于{chinese_date(doc.deadline)}截止。")
    return None


def _since(policy: Document) -> str:
    found = repeal(policy)
    if found and found.date:
        return f"（自{chinese_date(found.date)}起）"
    if policy.status == EXPIRED and policy.expires:
        return f"（有效期至{chinese_date(policy.expires)}）"
    return ""


def note(doc: Document) -> Notice | None:
    """What the 有效性 element says after the state, in brackets (the panel, feeds and open data)."""
    if doc.follows is not None:
        return Notice(f"所解读的政策文件{NO_LONGER[doc.follows.status]}：", (doc.follows,))
    if doc.status == REPEALED:
        found = repeal(doc)
        if found is None or not (found.date or found.by):
            return None
        since = f"自{chinese_date(found.date)}起废止" if found.date else "已废止"
        return Notice(since + ("，依据：" if found.by else ""), found.by)
    if doc.status in (OPEN, CLOSED):
        return None  # the deadline is an element of its own
    if doc.expires:
        return Notice(f"有效期至{chinese_date(doc.expires)}")
    return None


def title(doc: Document) -> str:
    """A document named in running text: 《标题》（发文字号）."""
    return f"《{doc.title}》" + (f"（{doc.doc_number}）" if doc.doc_number else "")


def line(doc: Document) -> str:
    """The 有效性 element as one line of text: 废止（自2024年3月1日起废止，依据：《…》（…））."""
    found = note(doc)
    if found is None:
        return doc.status
    return f"{doc.status}（{found.text}{'、'.join(title(d) for d in found.documents)}）"


def printed(notice: Notice) -> str:
    """A notice on paper: the documents it links are named instead (paper has no links)."""
    if not notice.documents:
        return notice.text if not notice.text.endswith("：") else notice.text[:-1] + "。"
    return notice.text + "、".join(title(d) for d in notice.documents) + "。"
