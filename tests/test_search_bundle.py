"""The indexer waits until Pagefind's bundle reads back whole (gazette.search.bundle).

The real bundle of the sample gazette passes; copies of it with one file emptied or cut
short (what a write still pending when the service stops leaves behind) are reported,
and the wait gives up with a Chinese message naming the file.
"""

from __future__ import annotations

import asyncio
import shutil

import pytest

from gazette.errors import GazetteError
from gazette.search.bundle import unfinished, wait_until_whole


@pytest.fixture
def bundle(sample_site, tmp_path):
    """A copy of the site's bundle (its shards merged into one index: gazette.search.merge), which every check
    of a bundle as Pagefind writes it must pass too."""
    return shutil.copytree(sample_site / "pagefind", tmp_path / "pagefind")


def test_the_built_bundle_is_whole(bundle):
    checked = {}
    assert unfinished(bundle, checked) == []
    assert any(path.suffix == ".pf_fragment" for path in checked)
    assert any(path.suffix == ".pf_index" for path in checked)


@pytest.mark.parametrize("kind", ["fragment/*.pf_fragment", "index/*.pf_index", "filter/*.pf_filter", "*.pf_meta"])
@pytest.mark.parametrize("damage", ["empty", "cut"])
def test_an_empty_or_cut_file_is_unfinished(bundle, kind, damage):
    path = sorted(bundle.glob(kind))[0]
    data = path.read_bytes()
    path.write_bytes(b"" if damage == "empty" else data[: len(data) // 2])
    assert unfinished(bundle, {}) == [path.relative_to(bundle).as_posix()]


@pytest.mark.parametrize("kind", ["fragment/*.pf_fragment", "index/*.pf_index", "filter/*.pf_filter"])
def test_a_file_the_metadata_names_but_not_yet_created_is_unfinished(bundle, kind):
    path = sorted(bundle.glob(kind))[0]
    path.unlink()
    assert unfinished(bundle, {}) == [path.relative_to(bundle).as_posix()]


@pytest.mark.parametrize("content", ["", '{"version": "1.5.2", "lang'])
def test_an_unreadable_entry_file_is_unfinished(bundle, content):
    (bundle / "pagefind-entry.json").write_text(content, encoding="utf-8")
    assert unfinished(bundle, {}) == ["pagefind-entry.json"]


def test_an_empty_script_is_unfinished(bundle):
    (bundle / "pagefind.js").write_bytes(b"")
    assert unfinished(bundle, {}) == ["pagefind.js"]


def test_the_wait_ends_when_the_file_is_written(bundle):
    path = sorted(bundle.glob("fragment/*.pf_fragment"))[0]
    data = path.read_bytes()
    path.write_bytes(b"")

    async def write_later():
        await asyncio.sleep(0.3)
        path.write_bytes(data)

    async def both():
        await asyncio.gather(wait_until_whole(bundle, timeout=10), write_later())

    asyncio.run(both())
    assert unfinished(bundle, {}) == []


def test_the_wait_gives_up_naming_the_file(bundle):
    (bundle / "pagefind-entry.json").write_text("", encoding="utf-8")
    with pytest.raises(GazetteError, match="pagefind-entry.json") as raised:
        asyncio.run(wait_until_whole(bundle, timeout=0.2))
    assert "请重新构建" in str(raised.value)
