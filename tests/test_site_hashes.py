"""The sample site is byte-for-byte what the golden listing says (tests/site_hashes.py regenerates it)."""

from site_hashes import GOLDEN, listing


def test_sample_site_matches_the_golden_listing(sample_site):
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    actual = listing(sample_site).splitlines()
    changed = sorted(set(expected) ^ set(actual))
    assert not changed, ("输出与 tests/golden/site-hashes.txt 不同（有意的改动请运行 "
                         ".venv/bin/python tests/site_hashes.py --regenerate 并检查差异）：\n" + "\n".join(changed[:40]))
