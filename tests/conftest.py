import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from projects import write_project  # noqa: E402

from gazette.project import load_and_check  # noqa: E402


@pytest.fixture(autouse=True)
def fixed_build_date(monkeypatch):
    """Validity depends on the build date: fix it (2025-01-01, Beijing time)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735660800")


@pytest.fixture
def project(tmp_path):
    """Write a minimal project with overrides: project({path: text})."""
    def make(files=None, site=False):
        return write_project(tmp_path / "project", files or {}, site=site)
    return make


@pytest.fixture
def findings(project):
    """The formatted findings of `gazette check` on a minimal project with overrides."""
    def run(files=None):
        _, report = load_and_check(project(files))
        return [f.format() for f in report.findings]
    return run


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The sample gazette built once (with `gazette build`) for the tests that only read the output."""
    from search_support import build_sample

    return build_sample(tmp_path_factory.mktemp("sample-site") / "site")


@pytest.fixture(scope="session")
def sample_library():
    """The checked Library of the sample gazette, with the tests' build date."""
    from projects import REPO

    from emitted import EPOCH_2025

    os.environ["SOURCE_DATE_EPOCH"] = EPOCH_2025
    library, report = load_and_check(REPO)
    assert report.ok
    return library
