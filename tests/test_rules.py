"""One minimal broken project per check rule: exact path, line and message.

The cases are data in tests/rules_frontmatter.py, rules_library.py and rules_content.py.
"""

import pytest

from gazette.project import load_and_check
from rules_content import CASES as CONTENT
from rules_frontmatter import CASES as FRONTMATTER
from rules_library import CASES as LIBRARY

CASES = {**FRONTMATTER, **LIBRARY, **CONTENT}


@pytest.mark.parametrize("name", CASES)
def test_rule(project, name):
    files, expected = CASES[name]
    _, report = load_and_check(project(files))
    assert [finding.format() for finding in report.findings] == expected
    assert report.error_count == len(expected)


def test_base_project_is_clean(findings):
    assert findings() == []
