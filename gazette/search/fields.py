"""What the search index knows about a document besides its text, declared once.

Each document's index records carry these (gazette.search.indexer); the search page's scripts
get the facets, the sort key, the 发文字号 filters and patterns and the result
metadata from `page_fields()`, so they follow this declaration.
"""

from __future__ import annotations

from collections.abc import Callable

from ..library.dates import chinese_date
from ..library.document import Document
from ..model import docnumber
from ..model.docnumber import DocNumber
from ..model.vocabulary import Vocabularies
from .text import DOC_NUMBER, HAN

Values = Callable[[Document, Vocabularies], list[str]]


def _agencies(doc: Document, vocab: Vocabularies) -> list[str]:
    return [vocab["agencies"].by_name(name).display for name in doc.issuers]


# Facets shown on the search page, in order: filter key (also its heading) -> values of a document.
FACETS: dict[str, Values] = {
    "发文机关": _agencies,
    "信息类别": lambda doc, vocab: [doc.kind],
    "主题分类": lambda doc, vocab: list(doc.topics or []),
    "标签": lambda doc, vocab: list(doc.tags or []),
    "年份": lambda doc, vocab: [str(doc.year)] if doc.year else [],
    "有效性": lambda doc, vocab: [doc.status],
}

AGENCY_CODE, SERIAL = "机关代字", "文号序号"  # hidden filters: find a 发文字号 however it is typed
# The parts of a typed 发文字号 (docNumber in search-text.js) -> the filter each part is looked up in.
NUMBER_FILTERS = {"code": AGENCY_CODE, "year": "年份", "serial": SERIAL}
SORT_KEY = "发布日期"
# What a result shows under its title, in order: (meta key, class suffix gz-result__<suffix>).
RESULT_META = [("发文字号", "number"), ("发文机关", "issuer"), ("日期", "date"), ("信息类别", "kind")]


def _number_filters(doc: Document) -> dict[str, list[str]]:
    number = DocNumber.parse(doc.doc_number or "")
    return {AGENCY_CODE: [number.code], SERIAL: [str(number.serial)]} if number else {}


def search_view(doc: Document, vocab: Vocabularies) -> dict:
    """Filters, display metadata and sort keys of one public document."""
    filters = {key: values(doc, vocab) for key, values in FACETS.items()}
    shown = {"发文字号": doc.doc_number or "", "发文机关": "、".join(filters["发文机关"]),
             "日期": chinese_date(doc.published), "信息类别": doc.kind}
    filters.update(_number_filters(doc))
    return {
        "filters": [(key, value) for key, values in filters.items() for value in values],
        # A date in one word (2024年4月10日) so that metadata never adds short words to the index.
        "meta": [("标题", doc.title), *((key, shown[key]) for key, _ in RESULT_META)],
        "sort": [(SORT_KEY, doc.published.isoformat() if doc.published else "")],
    }


def facets() -> list[str]:
    return list(FACETS)


def page_fields() -> dict:
    """What the search page's scripts take from these declarations (its data-fields attribute)."""
    return {"facets": facets(), "sort": SORT_KEY, "numberFilters": NUMBER_FILTERS, "resultMeta": RESULT_META,
            "docNumber": {"variants": DOC_NUMBER.pattern, "query": docnumber.query(HAN)}}
