"""阅办联动: every `services` URL of the published documents, checked over the network."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

from ..errors import GazetteError
from ..findings import Finding, Level, Report
from ..library.document import Document
from ..library.library import Library
from ..progress import Progress
from . import probe as p
from .cache import CACHE_FILE, LinkCache


@dataclass(frozen=True)
class Options:
    timeout: float = 10.0  # seconds, per request
    jobs: int = 4  # requests at the same time
    cache_hours: float = 24.0  # 0: always check again


@dataclass(frozen=True)
class Use:
    doc: Document
    index: int
    url: str

    @property
    def line(self) -> int:
        return self.doc.line("services", self.index, "url")


def add_arguments(parser) -> None:
    group = parser.add_argument_group("联网检查（--online）")
    group.add_argument("--online", action="store_true",
                       help="同时联网检查阅办联动链接（services 的 url）：失效、重定向、名单以外的主机")
    group.add_argument("--timeout", type=float, default=Options.timeout, metavar="秒",
                       help=f"每个请求的超时（默认 {Options.timeout:g} 秒）")
    group.add_argument("--jobs", type=int, default=Options.jobs, metavar="N",
                       help=f"同时进行的请求数（默认 {Options.jobs}）")
    group.add_argument("--cache-hours", type=float, default=Options.cache_hours, metavar="小时",
                       help=f"检查结果在 .cache/ 中保留的时间（默认 {Options.cache_hours:g} 小时；0 表示全部重新检查）")


def options_from(args) -> Options:
    if args.timeout <= 0 or args.jobs < 1 or args.cache_hours < 0:
        raise GazetteError("--timeout 须大于 0，--jobs 须至少为 1，--cache-hours 不能为负数。")
    return Options(timeout=args.timeout, jobs=args.jobs, cache_hours=args.cache_hours)


def service_uses(library: Library) -> list[Use]:
    """Every checked service URL of a published document (what readers can click)."""
    return [Use(doc, index, service["url"])
            for doc in library.public
            for index, service in enumerate(doc.values.get("services", []))]


def check_services(library: Library, report: Report, options: Options = Options(),
                   progress: Progress | None = None) -> dict[str, int]:
    """Probe each distinct URL once (cached ones not at all); report every use. Returns counts."""
    uses = service_uses(library)
    hosts = library.config.service_hosts
    cache = LinkCache(library.config.root / CACHE_FILE, options.cache_hours * 3600, hosts)
    outcomes = {url: cache.get(url) for url in dict.fromkeys(use.url for use in uses)}
    pending = [url for url, outcome in outcomes.items() if outcome is None]
    progress = progress or Progress(enabled=False)
    with progress.step("联网检查阅办联动链接") as tick, ThreadPoolExecutor(max_workers=options.jobs) as pool:
        futures = {pool.submit(p.probe, url, hosts, options.timeout): url for url in pending}
        for done, future in enumerate(as_completed(futures), 1):
            url = futures[future]
            outcomes[url] = future.result()
            cache.put(url, outcomes[url])
            tick(done, len(pending))
    cache.save()
    for use in uses:
        finding = _finding(use, outcomes[use.url])
        if finding:
            report.add(finding)
    return {"urls": len(outcomes), "checked": len(pending), "cached": len(outcomes) - len(pending)}


def _finding(use: Use, outcome: p.Outcome) -> Finding | None:
    if outcome.kind == p.OK:
        return None
    what = f"阅办联动链接“{use.url}”"
    status = f"（HTTP {outcome.status}）" if outcome.status else ""
    via = f"重定向到“{outcome.location}”后" if outcome.location and outcome.kind != p.OUTSIDE else ""
    messages = {
        p.REDIRECT: f"{what}被重定向到“{outcome.location}”：请把 url 改为新网址，以免旧网址日后失效。",
        p.DEAD: f"{what}{via}已失效{status or '（' + outcome.detail + '）'}：请在办事平台上找到该事项现在的网址并更新 url，或删除这一项。",
        p.OUTSIDE: f"{what}被重定向到“{outcome.location}”，它不是 https:// 网址或主机不在 gazette.yml 的 service_hosts 中："
                   "请核实该事项的正确网址；确需使用该主机时，请先把它加入 service_hosts。",
        p.UNREACHABLE: f"{what}无法访问（{outcome.detail}）：请核对网址中的主机名；如果确认网址正确，可能是对方网站故障，请稍后再查。",
        p.SERVER_ERROR: f"{what}{via}服务器出错{status}：可能是暂时故障，请稍后用 gazette check --online 重新检查，或在浏览器中打开确认。",
        p.TIMEOUT: f"{what}{via}{outcome.detail}：可能是暂时故障，请稍后重新检查，或在浏览器中打开确认。",
        p.REFUSED: f"{what}{via}拒绝了自动检查{status}：请在浏览器中打开，确认读者可以访问。",
    }
    level = Level.ERROR if outcome.kind in p.ERRORS else Level.WARNING
    return Finding(use.doc.rel, use.line, level, messages[outcome.kind])


def print_counts(counts: dict[str, int], cache_hours: float) -> None:
    cached = f"{counts['cached']} 个使用 {cache_hours:g} 小时内的检查结果（{CACHE_FILE.as_posix()}）" if cache_hours else "未使用缓存"
    print(f"阅办联动链接：{counts['urls']} 个网址，{counts['checked']} 个已联网检查，{cached}。", file=sys.stderr)

