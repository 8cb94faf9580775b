#!/usr/bin/env python3
"""Make a gazette project from ../shared/corpus/npc-laws (real laws, synthesised front matter).

Usage: scripts/corpus_gazette.py OUT_DIR [--corpus DIR] [--limit N] [--issue-pages N]

The laws are outside copyright (Art. 5, PRC Copyright Law). Front matter is
synthesised: issuer from the corpus folder, dates from the info lines,
a 发文字号 numbered per issuer and year, topics by folder, tags by keyword.
Private-use characters (a few rare characters the source encoded privately;
no font draws them) become 〓, the typesetter's mark for a missing character.
The project reuses this repository's mkdocs.yml and theme.
With --issue-pages, it also gets one issue (期) of about that many printed pages.
"""

from __future__ import annotations

import argparse
import re
import shutil
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "npc-laws"

# corpus folder -> (topic slug, issuer key)
FOLDERS = {
    "宪法": ("xianfa", "npc"), "宪法相关法": ("xianfa-xiangguan", "npc"), "刑法": ("xingfa", "npc"),
    "民法典": ("minfadian", "npc"), "民法商法": ("minfa-shangfa", "npc"), "社会法": ("shehuifa", "npc"),
    "经济法": ("jingjifa", "npc"), "行政法": ("xingzhengfa", "npc"), "诉讼与非诉讼程序法": ("susongfa", "npc"),
    "行政法规": ("xingzheng-fagui", "state"), "司法解释": ("sifa-jieshi", "court"), "案例": ("anli", "court"),
    "部门规章": ("bumen-guizhang", "ministry"), "其他": ("qita", "ministry"),
}
ISSUERS = {
    "npc": ("全国人民代表大会常务委员会", "全国人大常委会", "npcsc", "人大常"),
    "state": ("中华人民共和国国务院", "国务院", "gwy", "国令"),
    "court": ("最高人民法院", "最高法", "zgfy", "法释"),
    "ministry": ("国务院有关部门", "国务院部门", "gwybm", "部令"),
}
TAGS = {"劳动": "laodong", "环境": "huanjing", "税": "shuishou", "知识产权": "zhishi-chanquan", "安全": "anquan",
        "教育": "jiaoyu", "医": "yiliao", "金融": "jinrong", "土地": "tudi", "交通": "jiaotong"}
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
FILE_DATE = re.compile(r"\((\d{4})-(\d{2})-(\d{2})\)")
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def parse(path: Path) -> tuple[str, str, str | None]:
    """(title, body, ISO date) of one corpus file."""
    text = PRIVATE_USE.sub("〓", path.read_text(encoding="utf-8"))
    head, _, body = text.partition("<!-- INFO END -->")
    titles = re.findall(r"^#\s+(.+)$", head, re.MULTILINE)
    title = " ".join(titles) if titles else path.stem
    dates = DATE.findall(head) or FILE_DATE.findall(path.name)
    date = None
    if dates:
        y, m, d = (int(x) for x in dates[-1])
        date = f"{y:04d}-{m:02d}-{d:02d}"
    return title.strip(), body.strip() + "\n", date


def write_vocabularies(out: Path) -> None:
    data = out / "content" / "_data"
    data.mkdir(parents=True, exist_ok=True)
    agencies = [{"name": n, "short": s, "slug": slug, "kind": "部门"} for n, s, slug, _ in ISSUERS.values()]
    topics = [{"name": folder, "slug": slug} for folder, (slug, _) in FOLDERS.items()]
    tags = [{"name": name, "slug": slug, "group": "关键词"} for name, slug in TAGS.items()]
    for name, items in (("agencies", agencies), ("topics", topics), ("tags", tags)):
        (data / f"{name}.yml").write_text(yaml.safe_dump(items, allow_unicode=True, sort_keys=False), encoding="utf-8")


def make(out: Path, corpus: Path, limit: int | None) -> int:
    if out.exists():
        shutil.rmtree(out)
    (out / "content" / "documents").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copytree(REPO / "theme", out / "theme")
    (out / "gazette.yml").write_text("name: 法律法规汇编（基准测试）\npublisher: gazette 基准测试\n"
                                     "site_url: https://gazette.example.gov.cn/\nsync_level: 警告\n",
                                     encoding="utf-8")
    (out / "content" / "index.md").write_text("---\ntitle: 首页\ntemplate: gazette/home.html\n---\n\n"
                                              "由 npc-laws 语料生成的基准测试公报。\n", encoding="utf-8")
    write_vocabularies(out)
    numbers: dict[tuple[str, int], int] = defaultdict(int)
    files = sorted(p for p in corpus.rglob("*.md"))[:limit]
    for index, path in enumerate(files, 1):
        folder = path.relative_to(corpus).parts[0]
        topic_slug, issuer_key = FOLDERS.get(folder, ("qita", "ministry"))
        title, body, date = parse(path)
        date = date or "2000-01-01"
        year = int(date[:4])
        numbers[(issuer_key, year)] += 1
        name, _, _, prefix = ISSUERS[issuer_key]
        front = {
            "title": title, "kind": "政策文件", "issuer": name,
            "doc_number": f"{prefix}〔{year}〕{numbers[(issuer_key, year)]}号",
            "signed": date, "published": date, "disclosure": "主动公开",
            "topics": [folder if folder in FOLDERS else "其他"],
        }
        tags = [tag for tag in TAGS if tag in title]
        if tags:
            front["tags"] = tags
        target = out / "content" / "documents" / "laws" / topic_slug / f"{index:04d}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
        dumped = re.sub(r"^(signed|published): '(\d{4}-\d{2}-\d{2})'$", r"\1: \2", dumped, flags=re.MULTILINE)
        target.write_text(f"---\n{dumped}---\n\n{body}", encoding="utf-8")
    return len(files)


CHARS_PER_PAGE = 430  # Markdown characters per printed page, measured (blank pages before odd-page starts included)
ISSUE_DOCUMENT_PAGES = 20  # longer laws are left out of the issue, so that it mixes many documents like a real one


def write_issue(out: Path, pages: int) -> list[str]:
    """issues/<year>-01.yml listing documents (of at most 20 pages) in file order until about `pages` pages."""
    chosen, chars, latest = [], 0, "2000-01-01"
    for path in sorted((out / "content" / "documents").rglob("*.md")):
        if chars >= pages * CHARS_PER_PAGE:
            break
        text = path.read_text(encoding="utf-8")
        if len(text) > ISSUE_DOCUMENT_PAGES * CHARS_PER_PAGE:
            continue
        front = yaml.safe_load(text.split("---", 2)[1])
        chosen.append((path.relative_to(out / "content" / "documents").with_suffix("").as_posix(), front["topics"][0]))
        chars += len(text)
        latest = max(latest, str(front["published"]))
    sections: dict[str, list[str]] = defaultdict(list)
    for doc_id, topic in chosen:
        sections[topic].append(doc_id)
    year = int(latest[:4])
    manifest = {"year": year, "number": 1, "date": f"{year}-12-31",
                "sections": [{"title": title, "documents": ids} for title, ids in sections.items()]}
    (out / "issues").mkdir(exist_ok=True)
    dumped = yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False)
    dumped = dumped.replace(f"date: '{year}-12-31'", f"date: {year}-12-31")
    (out / "issues" / f"{year}-01.yml").write_text(dumped, encoding="utf-8")
    return [doc_id for doc_id, _ in chosen]


def write_issues(out: Path, per_issue: int = 20) -> int:
    """Print every document: issues of `per_issue` documents in order of publication, one section per
    topic, numbered per year (the year and date of the last document); return the number of issues."""
    documents = []
    for path in sorted((out / "content" / "documents").rglob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
        doc_id = path.relative_to(out / "content" / "documents").with_suffix("").as_posix()
        documents.append((str(front["published"]), front["topics"][0], doc_id))
    documents.sort()
    (out / "issues").mkdir(exist_ok=True)
    numbers: dict[int, int] = defaultdict(int)
    chunks = [documents[i:i + per_issue] for i in range(0, len(documents), per_issue)]
    for total, chunk in enumerate(chunks, 1):
        date = chunk[-1][0]
        year = int(date[:4])
        numbers[year] += 1
        sections: dict[str, list[str]] = defaultdict(list)
        for _, topic, doc_id in chunk:
            sections[topic].append(doc_id)
        manifest = {"year": year, "number": numbers[year], "total": total, "date": date,
                    "sections": [{"title": title, "documents": ids} for title, ids in sections.items()]}
        dumped = yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False).replace(f"date: '{date}'", f"date: {date}")
        (out / "issues" / f"{year}-{numbers[year]:02d}.yml").write_text(dumped, encoding="utf-8")
    return len(chunks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--issue-pages", type=int, default=None, help="also write one issue of about N printed pages")
    parser.add_argument("--issues", type=int, default=None, metavar="N",
                        help="print every document: issues of N documents in order of publication")
    args = parser.parse_args()
    count = make(args.out, args.corpus, args.limit)
    print(f"{count} documents written to {args.out}")
    if args.issue_pages:
        print(f"issue of {len(write_issue(args.out, args.issue_pages))} documents written to {args.out / 'issues'}")
    elif args.issues:
        print(f"{write_issues(args.out, args.issues)} issues written to {args.out / 'issues'}")


if __name__ == "__main__":
    main()
