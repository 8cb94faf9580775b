"""A project with one broken document per rule: one finding each, at the right line, exit 1.

The expected output is the golden file tests/golden/broken-check.txt
(regenerate: .venv/bin/python tests/broken_project.py --regenerate).
"""

from collections import Counter

from broken_project import BROKEN, GOLDEN, check_output
from projects import write_project


def test_every_rule_reported_once_with_golden_output(tmp_path):
    result = check_output(write_project(tmp_path / "broken", BROKEN))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")
    per_file = Counter(line.split(":", 1)[0] for line in result.stdout.splitlines())
    broken_documents = [path for path in BROKEN if "/r" in path or "/R" in path]
    for path in broken_documents:
        if path.endswith(("r35-hidden.md", "r38-late.md")):  # valid themselves: issue entries point at them
            assert per_file[path] == 0
        else:
            assert per_file[path] == 1, path
    assert "检查结果：44 个错误，1 个警告。" in result.stderr
