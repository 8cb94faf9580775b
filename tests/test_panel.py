"""The 公文要素 panel follows the front-matter schema: labels from it, and any key declared to be shown."""

import copy

from gazette.model.fields import Text
from gazette.model.schema import DOCUMENT_SCHEMA, Key, Schema
from gazette.site import panel


def test_labels_are_the_schema_labels(sample_library):
    doc = next(d for d in sample_library.public if d.kind == "政策文件")
    labels = {cell["key"]: cell["label"] for cell in panel.cells(doc)}
    assert labels["doc_number"] == DOCUMENT_SCHEMA["doc_number"].label == "发文字号"
    assert labels["issuers"] == DOCUMENT_SCHEMA["issuer"].label
    assert labels["issue"] == "刊登"


def test_a_key_declared_for_the_panel_is_shown_when_a_document_has_it(sample_library, monkeypatch):
    source = Key("source", "信息来源", Text(one_line=True), panel=True)
    monkeypatch.setattr(panel, "DOCUMENT_SCHEMA", Schema([*DOCUMENT_SCHEMA, source]))
    doc = copy.copy(next(d for d in sample_library.public if d.kind == "常见问题"))
    assert "source" not in [cell["key"] for cell in panel.cells(doc)]
    doc.values = {**doc.values, "source": "区政务服务办"}
    cell = panel.cells(doc)[-1]
    assert cell == {"key": "source", "label": "信息来源", "wide": False, "text": "区政务服务办"}
