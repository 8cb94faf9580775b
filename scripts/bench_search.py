#!/usr/bin/env python3
"""Benchmark: recall, precision and cost of full-text search on a gazette made from the npc-laws corpus.

Usage: scripts/bench_search.py [--limit N] [--keep DIR] [--words 300] [--seed 2026] [--pairs 150]

1. Builds the corpus gazette with `gazette build` (the search index is one of its steps).
2. Samples query words with Chromium's own segmenter (Intl.Segmenter, ICU): distinct words of 2-6
   Chinese characters, `--words` of them with a fixed seed; plus 20 strings that occur nowhere.
3. Ground truth: the public documents whose title or body, as published, contains the word
   (plain substring). Each word is searched with the search page's own code in Chromium.
4. Cost: in a fresh browser, /search/ is opened, then a first and a second query are typed;
   bytes on the wire (the server compresses text like any production server) and the time from
   pressing Enter to the first result on screen are recorded.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
sys.path[:0] = [str(SCRIPTS), str(SCRIPTS.parent / "tests")]
from corpus_gazette import CORPUS, make  # noqa: E402
from search_support import QuietHandler, chromium, published_text, serve, wait_until  # noqa: E402

from gazette.project import load_and_check  # noqa: E402
from gazette.search.records import RECORDS_FILE, fragments  # noqa: E402

HAN_WORD = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]{2,6}$")
COMPRESSED_TYPES = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt")


class CompressingHandler(QuietHandler):
    """Static files; text gzip-compressed on the fly as production servers do (Pagefind data is gzip already)."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix in COMPRESSED_TYPES and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


def build(root: Path) -> tuple[float, float]:
    """(build seconds, index step seconds) of `gazette build` in a child process."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1735660800"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "gazette", "-C", str(root), "build"], env=env,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"gazette build failed:\n{result.stderr[-3000:]}")
    step = re.search(r"建立检索索引：完成（([\d.]+) 秒）", result.stderr)
    return seconds, float(step[1]) if step else float("nan")


def bundle_sizes(bundle: Path) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for path in bundle.rglob("*"):
        if path.is_file():
            part = ("meta" if path.suffix == ".pf_meta" or path.name == "pagefind-entry.json" else
                    path.parent.name if path.parent.name in ("fragment", "index", "filter") else "code")
            sizes[part] = sizes.get(part, 0) + path.stat().st_size
    return sizes


def published_texts(root: Path, site: Path) -> dict[str, str]:
    """Page URL (/documents/…/) -> title + body as published, for every public document."""
    library, report = load_and_check(root)
    texts = {}
    for doc in library.public:
        title, body = published_text((site / doc.url / "index.html").read_text(encoding="utf-8"))
        texts[f"/{doc.url}"] = title + "\n" + body
    return texts


def page_urls(bundle: Path) -> dict[str, str]:
    """Pagefind record id -> the URL of its document (a record's "url" meta)."""
    return {record_id: record["meta"]["url"] for record_id, record in fragments(bundle)}


def sample_words(page, texts: dict[str, str], count: int, seed: int) -> list[str]:
    words: set[str] = set()
    items = list(texts.values())
    for start in range(0, len(items), 50):
        found = page.evaluate("""(texts) => {
            const segmenter = new Intl.Segmenter("zh", {granularity: "word"});
            const words = new Set();
            for (const text of texts) for (const s of segmenter.segment(text)) if (s.isWordLike) words.add(s.segment);
            return [...words];
        }""", items[start:start + 50])
        words.update(w for w in found if HAN_WORD.match(w))
    return random.Random(seed).sample(sorted(words), count)


def absent_words(texts: dict[str, str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    blob = "\n".join(texts.values())
    chars = sorted({c for c in blob if "\u4e00" <= c <= "\u9fff"})
    words: list[str] = []
    while len(words) < count:
        word = "".join(rng.choice(chars) for _ in range(rng.randint(2, 6)))
        if word not in blob and word not in words:
            words.append(word)
    return words


def quality(page, base: str, words: list[str], texts: dict[str, str], urls: dict[str, str]) -> dict:
    page.goto(f"{base}search/")
    relevant = returned = correct = repeated = 0
    misses = []
    for word in words:
        truth = {url for url, text in texts.items() if word in text}
        listed = [urls[i] for i in page.evaluate("(q) => window.gazetteSearch.ids(q)", word)]
        found = set(listed)
        repeated += len(listed) - len(found)
        relevant += len(truth)
        returned += len(found)
        correct += len(truth & found)
        if truth != found:
            misses.append((word, len(truth - found), len(found - truth)))
    return {"relevant": relevant, "returned": returned, "correct": correct, "misses": misses, "repeated": repeated}


# Parts of the site by where a path leads (the bundle holds one folder per shard: gazette/search/shardbuild.py).
PARTS = (("fragments", "/fragment/"), ("records map", f"/{RECORDS_FILE}"), ("index chunks", "/index/"),
         ("filters", "/filter/"), ("metadata", ".pf_meta"), ("metadata", "pagefind-entry.json"),
         ("Pagefind code", "/pagefind/"), ("page", "/"))
PART_NAMES = list(dict.fromkeys(name for name, _ in PARTS))


def part_of(path: str) -> str:
    return next(name for name, marker in PARTS if marker in path) if path.startswith("/pagefind/") else "page"


class Received(dict):
    """Bytes on the wire by part of the site, from Chrome's network events."""

    def __init__(self, cdp):
        super().__init__()
        self.urls: dict[str, str] = {}
        cdp.on("Network.responseReceived", lambda event: self.urls.__setitem__(event["requestId"], event["response"]["url"]))
        cdp.on("Network.loadingFinished", self.finished)

    def finished(self, event) -> None:
        path = "/" + self.urls.get(event["requestId"], "").split("/", 3)[-1].split("?")[0]
        part = part_of(path)
        self[part] = self.get(part, 0) + event["encodedDataLength"]

    def total(self) -> int:
        return sum(self.values())


def fresh_search_page(browser, base: str):
    """(context, page, received): /search/ loaded in a new browser context; received counts bytes on the wire."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    received = Received(cdp)
    page.goto(f"{base}search/")
    page.wait_for_load_state("networkidle")
    return context, page, received


def cost(browser, base: str, first: str, second: str) -> list[tuple[dict, float]]:
    """[(bytes by part, seconds to first result)] of a first and a second query in a fresh browser."""
    context, page, received = fresh_search_page(browser, base)
    measured = []
    for query in (first, second):
        received.clear()
        page.fill("#gz-search-q", query)
        start = time.perf_counter()
        page.press("#gz-search-q", "Enter")
        wait_until(page, f"document.title.startsWith({json.dumps(query)}) && "
                   "!!(document.querySelector('.gz-result[data-loaded]') || "
                   "document.querySelector('.gz-search__status--empty'))", timeout=60)
        seconds = time.perf_counter() - start
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(200)
        measured.append((dict(received), seconds))
    context.close()
    return measured


def page_weight(browser, base: str) -> int:
    context, _, received = fresh_search_page(browser, base)
    context.close()
    return received.total()


def summary(values: list[float]) -> str:
    values = sorted(values)
    return (f"median {statistics.median(values):.0f}, p90 {values[int(len(values) * 0.9) - 1]:.0f}, "
            f"max {values[-1]:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N corpus files")
    parser.add_argument("--keep", type=Path, default=None, help="build the project here and keep it")
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--pairs", type=int, default=150, help="first/second query pairs measured for cost")
    parser.add_argument("--no-build", action="store_true", help="reuse the gazette already built in --keep")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="gazette-bench-search-"))
    if args.no_build and args.keep:
        count, build_s, index_s = len(list((root / "content" / "documents").rglob("*.md"))), float("nan"), float("nan")
    else:
        count = make(root, CORPUS, args.limit)
        build_s, index_s = build(root)
    site = root / "build" / "site"
    bundle = site / "pagefind"
    sizes = bundle_sizes(bundle)
    texts = published_texts(root, site)
    urls = page_urls(bundle)
    with serve(site, CompressingHandler) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}search/")
        words = sample_words(page, texts, args.words, args.seed)
        absent = absent_words(texts, 20, args.seed)
        found = quality(page, base, words, texts, urls)
        nowhere = quality(page, base, absent, texts, urls)
        pairs = [(words[i], words[-1 - i]) for i in range(min(args.pairs, len(words) // 2))]
        costs = [cost(browser, base, first, second) for first, second in pairs]
        weight = page_weight(browser, base)

    kib = 1024
    print(f"documents:             {count} ({len(texts)} public)")
    print(f"gazette build:         {build_s:.1f} s, of which the search index step {index_s:.1f} s")
    table = json.loads((bundle / RECORDS_FILE).read_text(encoding="utf-8"))["documents"]
    split = sum(1 for record_ids, _ in table if len(record_ids) > 1)
    print(f"records:               {len(urls)} for {len(texts)} documents; {split} documents have more than one "
          f"({RECORDS_FILE}: {(bundle / RECORDS_FILE).stat().st_size / kib:.0f} KiB, "
          f"{len(gzip.compress((bundle / RECORDS_FILE).read_bytes(), 6)) / kib:.0f} KiB compressed)")
    print(f"index on disk:         {sum(sizes.values()) / 2**20:.1f} MiB "
          + ", ".join(f"{k} {v / 2**20:.2f} MiB" for k, v in sorted(sizes.items())))
    print(f"query words:           {len(words)} (seed {args.seed}); "
          f"{sum(1 for w in words if any(w in t for t in texts.values()))} occur in a document")
    print(f"recall:                {found['correct'] / found['relevant']:.4%} "
          f"({found['correct']} of {found['relevant']} relevant documents)")
    print(f"precision:             {found['correct'] / found['returned']:.4%} "
          f"({found['correct']} of {found['returned']} returned documents)")
    print(f"words with a mismatch: {len(found['misses'])} {found['misses'][:10]}")
    print(f"documents listed twice: {found['repeated']}")
    print(f"absent words:          {len(absent)}, results returned for them: {nowhere['returned']}")
    for label, measured in (("first query", [c[0] for c in costs]), ("second query", [c[1] for c in costs])):
        totals = [sum(parts.values()) for parts, _ in measured]
        print(f"{label + ':':22} bytes {summary([b / kib for b in totals])} KiB; time to first result "
              f"{summary([s * 1000 for _, s in measured])} ms ({len(measured)} queries); over 300 KB: "
              f"{sum(1 for b in totals if b > 300_000)}")
        print(" " * 23 + "median by part: " + ", ".join(
            f"{name} {statistics.median(parts.get(name, 0) for parts, _ in measured) / kib:.0f} KiB"
            for name in PART_NAMES))
    heaviest = sorted(zip(pairs, costs), key=lambda pc: -sum(pc[1][0][0].values()))[:3]
    print("heaviest first queries: " + "; ".join(
        f"{first} {sum(parts.values()) / kib:.0f} KiB ("
        + ", ".join(f"{k} {v / kib:.0f}" for k, v in parts.items() if v) + ")"
        for (first, _), ((parts, _), _) in heaviest))
    print(f"search page itself:    {weight / kib:.0f} KiB (HTML, CSS, JavaScript, fonts; before any query)")
    print(f"machine:               {os.cpu_count()} cores, Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
