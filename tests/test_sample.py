"""The sample gazette shows every part of the content model (issue 2, point 6)."""

from collections import Counter

import pytest

from gazette.model.kinds import AMENDED, EXPIRED, KINDS, POLICY, PUBLIC, REPEALED
from gazette.project import load_and_check
from projects import REPO


@pytest.fixture(scope="module")
def sample():
    library, report = load_and_check(REPO)
    return library, report


def test_sample_checks_clean(sample):
    """No finding but the 巡检 warnings seeded on purpose in the sample collections (tests/test_collections.py)."""
    _, report = sample
    seeded = [f for f in report.warnings if f.path.startswith("content/collections/") and f.message.startswith("巡检：")]
    assert len(seeded) >= 8  # more once sample documents expire (the build date is today here)
    assert [f.format() for f in report.findings if f not in seeded] == []


def test_sample_size_and_issues(sample):
    library, _ = sample
    assert len(library.documents) >= 40
    years = Counter(issue.year for issue in library.issues)
    assert max(years.values()) >= 4
    assert all(issue.documents for issue in library.issues)


def test_sample_covers_kinds_and_agencies(sample):
    library, _ = sample
    public = library.public
    assert {doc.kind for doc in public} == {kind.name for kind in KINDS}
    agencies = library.vocabularies["agencies"]
    used = {name for doc in public for name in doc.issuers}
    assert len(used) >= 8
    assert any(agencies.by_name(name).kind == "街镇" for name in used)
    assert any(len(doc.issuers) > 1 for doc in public), "joint issuance"


def test_sample_normative_policies_have_interpretations(sample):
    library, _ = sample
    normative = [d for d in library.public if d.kind == POLICY and d.normative]
    assert len(normative) >= 3
    for doc in normative:
        assert doc.interpreted_by, doc.id


def test_sample_validity_and_extras(sample):
    library, _ = sample
    statuses = Counter(doc.status for doc in library.public)
    assert statuses[REPEALED] >= 1 and statuses[AMENDED] >= 1 and statuses[EXPIRED] >= 1
    assert any(doc.services for doc in library.public)
    assert any(doc.attachments for doc in library.public)
    assert sum(1 for doc in library.documents.values() if doc.disclosure != PUBLIC) >= 2
