"""SHA256SUMS lines (gazette.checksums): a hash known from the last good site is used only while the file's
size and modification time are still those it was known with."""

from __future__ import annotations

import hashlib
import os

from gazette.checksums import Known, checksum_lines


def test_a_known_hash_is_used_only_while_the_file_is_untouched(tmp_path):
    page = tmp_path / "documents" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_bytes(b"<html>old</html>")
    (tmp_path / "other.txt").write_bytes(b"other")
    info = page.stat()
    recorded = Known("0" * 64, info.st_size, info.st_mtime_ns)  # not its real hash: shows the file was not read
    lines = checksum_lines(tmp_path, {"documents/a/index.html": recorded})
    assert lines == [f"{'0' * 64}  documents/a/index.html",
                     f"{hashlib.sha256(b'other').hexdigest()}  other.txt"]
    page.write_bytes(b"<html>new</html>")  # same size, written again (as the PDF sizes step rewrites a page)
    os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
    assert checksum_lines(tmp_path, {"documents/a/index.html": recorded})[0] == \
        f"{hashlib.sha256(b'<html>new</html>').hexdigest()}  documents/a/index.html"
