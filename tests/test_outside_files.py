"""Nothing outside the project is published or embedded, and `gazette check` says so (issue 11, point 3).

Images, links and rel=attachment links that name a file: URL, an absolute path of
the build machine, a ../ escape or a symbolic link out of content/ are errors on
their line; built anyway (check bypassed), no PDF embeds such a file or image
(pdfdetach -list, pdfimages -list), while an image of the project is embedded.
"""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

import pytest
from PIL import Image

from emitted import EPOCH_2025
from gazette.build import build_site
from gazette.print.render import render_pdf
from gazette.project import load_and_check
from pdftools import run
from projects import NOTICE_HEAD, write_project

D = "content/documents/2024/"
UP = "../../../../outside/"  # from content/documents/2024/ to the folder beside the project

FORMS = {
    "md-image": "![图]({})",
    "md-link": "[附件]({})",
    "raw-image": '<img src="{}" alt="图">',
    "raw-attachment": '<a rel="attachment" href="{}">附件</a>',
}


def targets(outside: Path, name: str) -> dict[str, str]:
    return {"file": (outside / name).as_uri(), "etc": "/etc/hostname", "up": UP + name, "link": "linked-" + name}


def payloads(outside: Path) -> dict[str, str]:
    """Name -> one body line naming a file outside the project."""
    found = {}
    for form, pattern in FORMS.items():
        name = "secret.png" if "image" in form else "secret.txt"
        for kind, target in targets(outside, name).items():
            found[f"{form}-{kind}"] = pattern.format(target)
    return found


def body_files(outside: Path) -> dict[str, str]:
    """One document per payload (for the check), one with all of them (for the PDFs), one with an image of its own."""
    files = {}
    for name, line in payloads(outside).items():
        head = NOTICE_HEAD.replace("关于示例事项的公告", f"关于示例事项{name}的公告")
        files[f"{D}o-{name}.md"] = head + "\n" + line + "\n"
    files[f"{D}o-attachment.md"] = NOTICE_HEAD.replace(
        "disclosure: 主动公开\n", "disclosure: 主动公开\nattachments:\n  - title: 附件\n    file: linked-secret.txt\n") + "\n正文。\n"
    files[f"{D}ok-image.md"] = NOTICE_HEAD.replace("关于示例事项的公告", "关于示例图片的公告") + "\n![图](ok.png)\n"
    return files


def png(path: Path, colour: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (16, 16), colour).save(path)


def project_beside_outside(base: Path, files) -> Path:
    """A project in base/project with files (a function of base/outside/, which holds a PNG and a text file)."""
    outside = base / "outside"
    png(outside / "secret.png", "red")
    (outside / "secret.txt").write_text("build machine\n", encoding="utf-8")
    root = write_project(base / "project", files(outside), site=True)
    png(root / D / "ok.png", "blue")
    for name in ("secret.png", "secret.txt"):
        (root / D / f"linked-{name}").symlink_to(outside / name)
    return root


@pytest.fixture(scope="module")
def outside_project(tmp_path_factory):
    return project_beside_outside(tmp_path_factory.mktemp("outside"), body_files)


def print_files(outside: Path) -> dict[str, str]:
    """Every payload in one document (one PDF to lay out), and a document with an image of the project."""
    body = "\n\n".join(payloads(outside).values())
    return {f"{D}o-all.md": NOTICE_HEAD + "\n" + body + "\n",
            f"{D}ok-image.md": NOTICE_HEAD.replace("关于示例事项的公告", "关于示例图片的公告") + "\n![图](ok.png)\n"}


def test_every_way_out_of_the_project_is_an_error_on_its_line(outside_project):
    _, report = load_and_check(outside_project)
    errors = {(f.path, f.line) for f in report.errors}
    expected = {(f"{D}o-{form}-{kind}.md", 9) for form in FORMS for kind in ("file", "etc", "up", "link")}
    assert expected - errors == set()
    assert (f"{D}o-attachment.md", 9) in errors  # the line of the attachment's file key
    assert {f"{D}linked-secret.png", f"{D}linked-secret.txt"} <= {f.path for f in report.errors}
    assert not [f for f in report.findings if "ok-image" in f.path]


def test_no_pdf_embeds_a_file_or_image_from_outside(tmp_path):
    root = project_beside_outside(tmp_path, print_files)
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH_2025
    with mock.patch("gazette.project.run_checks", lambda library, report: None):
        site = build_site(root, root / "build" / "site")
    pdfs = sorted(site.rglob("*.pdf"))
    assert "o-all.pdf" in {pdf.name for pdf in pdfs}
    images = {pdf.name: len(run("pdfimages", "-list", str(pdf)).splitlines()[2:]) for pdf in pdfs}
    attached = {pdf.name: run("pdfdetach", "-list", str(pdf)).splitlines()[0] for pdf in pdfs}
    assert images.pop("ok-image.pdf") == 1  # the project's own image is printed: the probe sees images
    assert set(images.values()) == {0}
    assert set(attached.values()) == {"0 embedded files"}
    published = {p.name for p in site.rglob("*") if p.is_file()}
    assert not {"secret.png", "secret.txt", "linked-secret.png", "linked-secret.txt", "hostname"} & published


def test_the_print_fetcher_embeds_attachments_from_content_only(tmp_path):
    """WeasyPrint embeds rel=attachment files; the fetcher lets it read content/ and nothing else."""
    content, outside = tmp_path / "content", tmp_path / "outside"
    (content).mkdir()
    outside.mkdir()
    (content / "inside.txt").write_text("公开\n", encoding="utf-8")
    (outside / "secret.txt").write_text("build machine\n", encoding="utf-8")
    (content / "linked.txt").symlink_to(outside / "secret.txt")
    links = "".join(f'<a rel="attachment" href="{href}">附件</a>' for href in
                    ["inside.txt", (outside / "secret.txt").as_uri(), "../outside/secret.txt", "linked.txt"])
    pdf = tmp_path / "fence.pdf"
    pdf.write_bytes(render_pdf(f"<html><body><p>{links}</p></body></html>", content).pdf)
    listing = run("pdfdetach", "-list", str(pdf)).splitlines()
    assert listing[0] == "1 embedded files"
    assert listing[1].endswith("inside.txt")
