#!/usr/bin/env python3
"""Make a synthetic gazette project of N documents from a fixed seed, for benchmarks.

Usage: scripts/synthetic_gazette.py OUT_DIR [--documents N] [--seed S]

Realistic in shape, invented in content: the sample's vocabularies, the five
kinds in a district's proportions (policies 35%, interpretations 20%,
notices 20%, open calls 15%, FAQs 10%), dates over ten years, 发文字号
numbered per issuer and year, interpretations of policies, policies that
repeal, amend or supersede older ones, a monthly issue (期) printing that
month's policies and interpretations by section, bodies of about 4.7 KB
(the sample's sentences without telephone numbers, in a random order, under 一、二、… headings).
The same seed and N always give the same project.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
KINDS = [("政策文件", 35), ("政策解读", 20), ("公告通报", 20), ("申报通知", 15), ("常见问题", 10)]
FIRST_YEAR, YEARS = 2015, 10
BODY_CHARS = 1600  # characters: about 4.7 KB of UTF-8
NUMERALS = "一二三四五六七八九十"
PRIVATE = re.compile(r"\d{7,}|@")  # telephone numbers, e-mail addresses: personal data the check refuses
SECTIONS = {"区政府": "区政府文件", "区府办": "区政府办公室文件", "部门": "部门文件", "街镇": "街镇文件"}


def sentences() -> list[str]:
    """Every sentence of the sample's bodies (front matter, headings, tables and links left out)."""
    found = []
    for path in sorted((REPO / "content" / "documents").rglob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[2]
        for line in body.splitlines():
            if line.startswith(("#", "|", "-", "*", ">", "[", "!")) or "](" in line or "<" in line:
                continue
            found += [s + "。" for s in line.strip().split("。") if len(s) >= 12 and not PRIVATE.search(s)]
    return sorted(set(found))


def body(rng: random.Random, pool: list[str]) -> str:
    parts, size, heading = [], 0, 0
    while size < BODY_CHARS:
        if heading < len(NUMERALS) and (not parts or rng.random() < 0.15):
            parts.append(f"## {NUMERALS[heading]}、{rng.choice(pool)[:14].rstrip('，。；：')}")
            heading += 1
        paragraph = "".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
        parts.append(paragraph)
        size += len(paragraph)
    return "\n\n".join(parts) + "\n"


def make(out: Path, count: int, seed: int = 2026) -> int:
    """Write the project into `out` (replaced); return the number of documents."""
    if out.exists():
        shutil.rmtree(out)
    rng = random.Random(seed)
    (out / "content" / "documents").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copytree(REPO / "theme", out / "theme")
    shutil.copytree(REPO / "content" / "_data", out / "content" / "_data")
    (out / "gazette.yml").write_text(
        "name: 示例区人民政府公报（合成基准）\npublisher: 示例区人民政府办公室\n"
        "site_url: https://gazette.example.gov.cn/\nservice_hosts:\n  - zwdt.sh.gov.cn\nsync_level: 警告\n",
        encoding="utf-8")
    (out / "content" / "index.md").write_text("---\ntitle: 首页\ntemplate: gazette/home.html\n---\n\n"
                                              f"由固定种子 {seed} 生成的 {count} 份合成文件。\n", encoding="utf-8")
    data = out / "content" / "_data"
    agencies = yaml.safe_load((data / "agencies.yml").read_text(encoding="utf-8"))
    topics = [t["name"] for t in yaml.safe_load((data / "topics.yml").read_text(encoding="utf-8"))]
    tags = [t["name"] for t in yaml.safe_load((data / "tags.yml").read_text(encoding="utf-8"))]
    pool = sentences()
    start, days = dt.date(FIRST_YEAR, 1, 1), YEARS * 365
    dates = sorted(start + dt.timedelta(days=rng.randrange(days)) for _ in range(count))
    kinds = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS], k=count)
    numbers: dict[tuple[str, int], int] = defaultdict(int)
    policies: list[tuple[str, dict]] = []
    issues: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)  # (year, month) -> (section, id)
    for index, (published, kind) in enumerate(zip(dates, kinds), 1):
        agency = rng.choice(agencies)
        doc_id = f"{published.year}/d{index:05d}"
        front: dict = {"title": "", "kind": kind, "issuer": agency["name"], "published": published.isoformat(),
                       "disclosure": "主动公开", "tags": rng.sample(tags, rng.randint(1, 3))}
        subject = rng.choice(pool)[:16].rstrip("，。；：、")
        if kind == "政策文件" or (kind == "政策解读" and not policies):
            kind = front["kind"] = "政策文件"
            signed = published - dt.timedelta(days=rng.randint(0, 10))
            numbers[(agency["slug"], signed.year)] += 1
            prefix = "普" + agency["short"].removeprefix("区")
            front["title"] = f"{agency['name']}关于印发《{subject}实施办法》的通知"
            front["doc_number"] = f"{prefix}〔{signed.year}〕{numbers[(agency['slug'], signed.year)]}号"
            front["signed"] = signed.isoformat()
            front["topics"] = rng.sample(topics, rng.randint(1, 2))
            older = [p for p, f in policies[-300:] if f["issuer"] == agency["name"]]
            if older and rng.random() < 0.08:
                front[rng.choice(["repeals", "amends", "supersedes"])] = [rng.choice(older)]
            policies.append((doc_id, front))
            issues[(published.year, published.month)].append((SECTIONS[agency["kind"]], doc_id))
        elif kind == "政策解读":
            target, policy = rng.choice(policies[-200:])
            front["title"] = f"《{policy['title'].split('《')[-1].split('》')[0]}》政策解读"
            front["interprets"] = target
            issues[(published.year, published.month)].append(("政策解读", doc_id))
        elif kind == "申报通知":
            front["title"] = f"{agency['name']}关于组织申报{published.year}年度{subject}项目的通知"
            front["deadline"] = (published + dt.timedelta(days=rng.randint(14, 60))).isoformat()
        elif kind == "公告通报":
            front["title"] = f"{agency['name']}关于{subject}的公告"
        else:
            front["title"] = f"{subject}常见问题解答"
        front["summary"] = rng.choice(pool)[:60]
        target = out / "content" / "documents" / f"{doc_id}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
        dumped = re.sub(r"^(signed|published|deadline): '(\d{4}-\d{2}-\d{2})'$", r"\1: \2", dumped, flags=re.MULTILINE)
        target.write_text(f"---\n{dumped}---\n\n{body(rng, pool)}", encoding="utf-8")
    write_issues(out, issues)
    return count


def write_issues(out: Path, issues: dict[tuple[int, int], list[tuple[str, str]]]) -> None:
    """One issue per month that has policies or interpretations, numbered per year, published at month end."""
    folder = out / "issues"
    folder.mkdir(exist_ok=True)
    number: dict[int, int] = defaultdict(int)
    total = 0
    for (year, month), members in sorted(issues.items()):
        number[year] += 1
        total += 1
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()
        sections: dict[str, list[str]] = defaultdict(list)
        for title in [*SECTIONS.values(), "政策解读"]:
            sections[title] = [doc_id for section, doc_id in members if section == title]
        manifest = {"year": year, "number": number[year], "total": total, "date": last,
                    "sections": [{"title": t, "documents": ids} for t, ids in sections.items() if ids]}
        dumped = yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False).replace(f"'{last}'", last)
        (folder / f"{year}-{number[year]:02d}.yml").write_text(dumped, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    print(f"{make(args.out, args.documents, args.seed)} documents written to {args.out}")


if __name__ == "__main__":
    main()
