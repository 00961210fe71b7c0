"""Crawl throughput: the real `laodong` spider end to end against plain trafilatura, in one run.

Usage, from the repository root::

    python tests/bench/bench_throughput.py [--pages N] [--workers W] [--compare-workers]
                                           [--no-rerun] [--set NAME=VALUE ...] [--keep]

What one run does:

1. Builds a temporary copy of laodong.vn (``throughput_site.py``): N article pages made from
   the real pages (``tests/fixtures/golden/*/page.html`` and ``newscrawl/demo_site/articles``,
   cycled), each a different story for deduplication, at unique ``/the-gioi/…-<id>.ldo``
   URLs; a sitemap index, sitemaps with lastmod, robots.txt, a home page and a home feed.
2. Times plain ``trafilatura.extract(html)`` (defaults), single process, over the same N
   pages (the bytes served): the raw rate. It is timed again right after the first crawl
   (``--raw-after``, default): the machine's speed drifts (from -11% to +12% between the two
   timings in one session's runs), and one timing would put all of that into the ratios. The ratios use
   both timings pooled (2N pages over both times); both, and their drift, are printed. A
   sample of pages also goes through each pipeline stage's function in this process, for
   the per-page CPU cost of each stage.
3. Serves the site with ``FixtureServer`` on 127.0.0.1 and runs ``scrapy crawl laodong`` in a
   subprocess (a fresh SQLite file, no AutoThrottle, no delay, 16 concurrent requests,
   NEWSCRAWL_WORKERS=W). Wall time is from the first article page the server answered to
   the crawl process's exit (its start-up, robots.txt and sitemaps excluded; the last flush
   and shutdown included). The worker pool starts when the first article request goes out,
   milliseconds before the server answers it here: its start-up is inside the timed window.
   Memory: every 0.2 s the RSS (and PSS) of the crawl process and all its descendants,
   summed; and the kernel's ru_maxrss of the crawl (wait4: the largest single process of
   the tree) and of all children so far (getrusage RUSAGE_CHILDREN).
4. Prints rates, their ratio, memory, the stage times from the run's stats (crawl_runs.stats:
   newscrawl/seconds/* are sums over overlapping items; extract/language/dedup are wall time
   awaiting the worker pool, queueing included), what was stored, the machine.
5. ``--rerun`` (default): the same unchanged site again into the same file; whole-process
   times compared (target: under a tenth), and the article pages it fetched (should be 0).
6. ``--compare-workers``: the crawl again with NEWSCRAWL_WORKERS=1 (fresh file).

Each run appends a summary line to a history file (``--history``, default in the temp
directory) so that peak memory at N=3000 and N=10000 can be compared across runs.
Nothing is asserted: figures and a PASS/MISS note per target. Figures on shared machines
move by 15-20% from run to run: compare within one run. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import json
import os
import platform
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
for _path in (REPO, HERE):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import trafilatura  # noqa: E402
from throughput_site import SitePage, build_site, templates  # noqa: E402

from newscrawl.fixture_server import FixtureServer  # noqa: E402

STAGES = ("fetch", "extract", "language", "dedup", "store")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024

# Targets from the project's issue.
TARGET_RATIO_DEFAULT = 1.5
TARGET_RATIO_ONE_WORKER = 0.9
TARGET_RSS_MB = 500
TARGET_RSS_GROWTH = 1.10  # "not growing": within 10% (run-to-run noise)
TARGET_RERUN = 0.1


# --- machine -----------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    model = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    versions = {}
    for name in ("scrapy", "trafilatura", "lxml", "langdetect", "numpy", "sqlite-utils"):
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "-"
    versions["sqlite"] = sqlite3.sqlite_version
    return {
        "nproc": os.cpu_count(),
        "affinity": len(os.sched_getaffinity(0)),
        "cpu": model,
        "python": platform.python_version(),
        "versions": versions,
    }


# --- other load on the machine --------------------------------------------------------------


def _busy_ticks() -> int:
    """Busy CPU ticks of the whole machine (all processes) since boot."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    return user + nice + system + irq + softirq + steal


class MachineLoad:
    """`with MachineLoad() as load:` then load.cores: cores busy machine-wide on average, and
    load.mine: of them, this process and its children (so load.others is everyone else)."""

    def __enter__(self) -> MachineLoad:
        self.started = time.monotonic()
        self.ticks = _busy_ticks()
        self.own = self._own()
        return self

    @staticmethod
    def _own() -> float:
        me = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime

    def __exit__(self, *exc: object) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        self.cores = (_busy_ticks() - self.ticks) / os.sysconf("SC_CLK_TCK") / elapsed
        self.mine = (self._own() - self.own) / elapsed
        self.others = max(0.0, self.cores - self.mine)

    def describe(self) -> str:
        return f"machine busy {self.cores:.2f} cores on average, {self.others:.2f} of them other processes"


# --- memory of a process tree ----------------------------------------------------------


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def _tree(root: int) -> list[int]:
    children = _children_map()
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo.extend(children.get(pid, []))
    return pids


def _rss_pss_kb(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            rss = int(f.read().split()[1]) * PAGE_KB
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    pss = int(line.split()[1])
                    break
    except (OSError, ValueError, IndexError):
        pass
    return rss, pss


class TreeSampler(threading.Thread):
    """Polls the RSS/PSS of a process and its descendants; keeps the peaks."""

    def __init__(self, root: int, interval: float = 0.2) -> None:
        super().__init__(name="rss-sampler", daemon=True)
        self.root = root
        self.interval = interval
        self.halt = threading.Event()
        self.peak_rss_kb = 0
        self.peak_pss_kb = 0
        self.peak_main_kb = 0
        self.peak_other_kb = 0  # the largest single descendant (a worker)
        self.peak_processes = 0
        self.samples: list[tuple[float, int]] = []
        self.cpu_ticks: dict[int, int] = {}  # last utime+stime seen per process of the tree

    def run(self) -> None:
        while not self.halt.is_set():
            self.sample()
            self.halt.wait(self.interval)

    def sample(self) -> None:
        pids = _tree(self.root)
        total_rss = total_pss = 0
        for pid in pids:
            rss, pss = _rss_pss_kb(pid)
            with contextlib.suppress(OSError, ValueError, IndexError):
                with open(f"/proc/{pid}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
                self.cpu_ticks[pid] = int(fields[11]) + int(fields[12])
            total_rss += rss
            total_pss += pss
            if pid == self.root:
                self.peak_main_kb = max(self.peak_main_kb, rss)
            else:
                self.peak_other_kb = max(self.peak_other_kb, rss)
        self.peak_rss_kb = max(self.peak_rss_kb, total_rss)
        self.peak_pss_kb = max(self.peak_pss_kb, total_pss)
        self.peak_processes = max(self.peak_processes, len(pids))
        self.samples.append((time.monotonic(), total_rss))

    def stop(self) -> None:
        self.halt.set()
        self.join(timeout=5)


# --- the crawl ---------------------------------------------------------------------------


@dataclass
class CrawlRun:
    label: str
    workers: int
    returncode: int
    started: float
    ended: float
    first_article: float | None
    last_article: float | None
    stats: dict[str, Any]
    articles_in_db: int
    marker_rows: int
    failures_in_db: int
    peak_rss_kb: int
    peak_pss_kb: int
    peak_main_kb: int
    peak_other_kb: int
    peak_processes: int
    wait4_maxrss_kb: int
    children_maxrss_kb: int
    cpu_tree: float  # seconds of CPU of the crawl process and its waited-for children (wait4)
    cpu_others: float  # of the descendants (workers), from the last /proc samples
    cpu_bench: float  # of this process (fixture server threads, sampler) during the crawl
    log: Path
    load: MachineLoad
    rss_timeline: list[tuple[float, int]] = field(default_factory=list)

    @property
    def total(self) -> float:
        return self.ended - self.started

    @property
    def wall(self) -> float:
        """First article page answered -> crawl process exit."""
        return self.ended - (self.first_article or self.started)

    @property
    def fetched(self) -> int:
        return int(self.stats.get("newscrawl/pages/article_fetched", 0))

    @property
    def rate(self) -> float:
        return self.fetched / self.wall if self.wall > 0 else 0.0

    def stat(self, key: str) -> int:
        return int(self.stats.get(key, 0))


def crawl(
    server: FixtureServer,
    db: Path,
    workers: int,
    log: Path,
    label: str,
    extra: dict[str, str],
    timeout: float,
) -> CrawlRun:
    base = server.base_url
    overrides = {
        "NEWSCRAWL_HOST_OVERRIDES": json.dumps({"laodong.vn": base, "www.laodong.vn": base}),
        "NEWSCRAWL_DB_PATH": str(db),
        "AUTOTHROTTLE_ENABLED": "False",
        "DOWNLOAD_DELAY": "0",
        "CONCURRENT_REQUESTS": "16",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
        "LOG_LEVEL": "INFO",
        "NEWSCRAWL_WORKERS": str(workers),
    }
    overrides.update(extra)
    command = [sys.executable, "-m", "scrapy", "crawl", "laodong"]
    for key, value in overrides.items():
        command += ["-s", f"{key}={value}"]
    site = server.site
    with site.lock:
        site.hits.clear()
        site.hit_times.clear()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    started = time.monotonic()
    bench_cpu = resource.getrusage(resource.RUSAGE_SELF)
    with open(log, "w", encoding="utf-8") as out:
        process = subprocess.Popen(
            command, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    sampler = TreeSampler(process.pid)
    sampler.start()

    def kill() -> None:
        print(f"  !! {label}: still running after {timeout:.0f} s, stopping it", flush=True)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
            time.sleep(10)
            os.killpg(process.pid, signal.SIGKILL)

    watchdog = threading.Timer(timeout, kill)
    watchdog.daemon = True
    watchdog.start()
    with MachineLoad() as load:
        _, status, usage = os.wait4(process.pid, 0)
    ended = time.monotonic()
    watchdog.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop()
    children_maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    bench_after = resource.getrusage(resource.RUSAGE_SELF)
    ticks = os.sysconf("SC_CLK_TCK")
    cpu_others = sum(v for pid, v in sampler.cpu_ticks.items() if pid != process.pid) / ticks

    with site.lock:
        article_hits = sorted(t for path, times in site.hit_times.items() if path.endswith(".ldo") for t in times)
    stats: dict[str, Any] = {}
    in_db = markers = failures = 0
    if db.exists():
        with sqlite3.connect(db) as conn:
            row = conn.execute("SELECT stats FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()
            if row and row[0]:
                stats = json.loads(row[0])
            in_db = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            markers = conn.execute(
                "SELECT count(*) FROM articles WHERE text LIKE '%Bản tin thử nghiệm số%'"
                " OR lead LIKE '%Bản tin thử nghiệm số%' OR title LIKE '%Bản tin thử nghiệm số%'"
            ).fetchone()[0]
            failures = conn.execute("SELECT count(*) FROM extraction_failures").fetchone()[0]
    return CrawlRun(
        label=label,
        workers=workers,
        returncode=process.returncode,
        started=started,
        ended=ended,
        first_article=article_hits[0] if article_hits else None,
        last_article=article_hits[-1] if article_hits else None,
        stats=stats,
        articles_in_db=in_db,
        marker_rows=markers,
        failures_in_db=failures,
        peak_rss_kb=sampler.peak_rss_kb,
        peak_pss_kb=sampler.peak_pss_kb,
        peak_main_kb=sampler.peak_main_kb,
        peak_other_kb=sampler.peak_other_kb,
        peak_processes=sampler.peak_processes,
        wait4_maxrss_kb=usage.ru_maxrss,
        children_maxrss_kb=children_maxrss,
        cpu_tree=usage.ru_utime + usage.ru_stime,
        cpu_others=cpu_others,
        cpu_bench=(bench_after.ru_utime + bench_after.ru_stime) - (bench_cpu.ru_utime + bench_cpu.ru_stime),
        load=load,
        log=log,
        rss_timeline=sampler.samples,
    )


# --- single-process references -------------------------------------------------------------


def raw_trafilatura(pages: list[SitePage]) -> tuple[float, float, int]:
    """(pages/s by time inside extract(), total seconds, pages with no output)."""
    trafilatura.extract(pages[0].file.read_bytes())  # first call loads trafilatura's own caches
    spent = 0.0
    empty = 0
    for page in pages:
        html = page.file.read_bytes()
        started = time.perf_counter()
        result = trafilatura.extract(html)
        spent += time.perf_counter() - started
        empty += not result
    return len(pages) / spent, spent, empty


def _raw_slice(paths: list[str]) -> tuple[float, float, int]:
    """In a pool process: (loop start, loop end, pages) of trafilatura.extract over the files."""
    trafilatura.extract(Path(paths[0]).read_bytes())
    started = time.time()
    for path in paths:
        trafilatura.extract(Path(path).read_bytes())
    return started, time.time(), len(paths)


def raw_trafilatura_parallel(pages: list[SitePage], processes: int) -> float:
    """pages/s of `processes` processes each running trafilatura.extract on its share of the
    pages, file reads included: the ceiling for any design on this many cores."""
    import multiprocessing  # noqa: PLC0415

    paths = [str(p.file) for p in pages]
    shares = [paths[i::processes] for i in range(processes)]
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        results = pool.map(_raw_slice, shares)
    start = min(r[0] for r in results)
    end = max(r[1] for r in results)
    return sum(r[2] for r in results) / (end - start)


def stage_costs(pages: list[SitePage], sample: int) -> dict[str, float]:
    """Mean ms per page of each stage's function, in this process, on a spread sample."""
    from newscrawl.extraction import ExtractionError, extract_article  # noqa: PLC0415 - only when asked
    from newscrawl.fingerprints import article_fingerprint  # noqa: PLC0415
    from newscrawl.language import article_language  # noqa: PLC0415
    from newscrawl.processing import warm_up  # noqa: PLC0415
    from newscrawl.text import clean_article  # noqa: PLC0415

    step = max(1, len(pages) // sample)
    chosen = pages[::step][:sample]
    warm_up()  # what a worker loads before its first page
    totals = dict.fromkeys(("trafilatura.extract", "extract_article", "clean", "language", "dedup"), 0.0)
    for page in chosen:
        body = page.file.read_bytes()
        t0 = time.perf_counter()
        trafilatura.extract(body)
        t1 = time.perf_counter()
        try:
            extracted = extract_article(body, page.url, content_type="text/html; charset=utf-8").to_dict()
        except ExtractionError:
            extracted = None
        t2 = time.perf_counter()
        totals["trafilatura.extract"] += t1 - t0
        totals["extract_article"] += t2 - t1
        if extracted is None:
            continue
        t2 = time.perf_counter()
        article = clean_article(extracted)
        t3 = time.perf_counter()
        article_language(article)
        t4 = time.perf_counter()
        article_fingerprint(article)
        t5 = time.perf_counter()
        totals["clean"] += t3 - t2
        totals["language"] += t4 - t3
        totals["dedup"] += t5 - t4
    return {k: 1000 * v / len(chosen) for k, v in totals.items()}


# --- report ----------------------------------------------------------------------------------


def mb(kb: int) -> float:
    return kb / 1024


def verdict(ok: bool | None) -> str:
    return "n/a " if ok is None else ("PASS" if ok else "MISS")


def print_crawl(run: CrawlRun, raw_rate: float) -> None:
    s = run.stats
    print(f"\n== crawl: {run.label} (NEWSCRAWL_WORKERS={run.workers}) ==")
    if run.returncode != 0 or not s:
        print(f"  crawl process exited with {run.returncode}; log: {run.log}")
        with contextlib.suppress(OSError):
            print("  " + "\n  ".join(run.log.read_text(encoding="utf-8", errors="replace").splitlines()[-25:]))
    if run.first_article and run.last_article:
        print(
            f"  wall time:          {run.wall:7.1f} s  (first article page answered -> process exit;"
            f" whole process {run.total:.1f} s, start-up to first article {run.first_article - run.started:.1f} s,"
            f" first -> last article fetch {run.last_article - run.first_article:.1f} s)"
        )
    else:
        print(f"  wall time:          {run.total:7.1f} s  whole process (no article page fetched)")
    main_cpu = run.cpu_tree - run.cpu_others
    print(f"  other load:         {run.load.describe()} (during the crawl)")
    print(
        f"  CPU:                crawl process {main_cpu:.1f} s, its workers {run.cpu_others:.1f} s,"
        f" bench process (fixture server) {run.cpu_bench:.1f} s; {run.cpu_tree + run.cpu_bench:.1f} s"
        f" over {run.total:.1f} s whole-process wall = {(run.cpu_tree + run.cpu_bench) / run.total:.2f} cores busy"
        + (
            f"; per article page: crawl process {1000 * main_cpu / run.fetched:.1f} ms,"
            f" workers {1000 * run.cpu_others / run.fetched:.1f} ms, server {1000 * run.cpu_bench / run.fetched:.1f} ms"
            if run.fetched
            else ""
        )
    )
    print(f"  article pages:      {run.fetched} fetched  ->  {run.rate:6.1f} pages/s")
    if raw_rate:
        print(f"  ratio to raw trafilatura ({raw_rate:.1f} pages/s): {run.rate / raw_rate:.2f}x")
    print(
        f"  peak memory:        {mb(run.peak_rss_kb):6.0f} MB RSS summed over the tree"
        f" ({run.peak_processes} processes at most; PSS {mb(run.peak_pss_kb):.0f} MB);"
        f" largest: crawl process {mb(run.peak_main_kb):.0f} MB, a worker {mb(run.peak_other_kb):.0f} MB"
    )
    print(
        f"  ru_maxrss:          {mb(run.wait4_maxrss_kb):6.0f} MB (wait4 of this crawl: largest single process),"
        f" {mb(run.children_maxrss_kb):.0f} MB (getrusage RUSAGE_CHILDREN, all children so far)"
    )
    times = {stage: float(s.get(f"newscrawl/seconds/{stage}", 0.0)) for stage in STAGES}
    total = sum(times.values()) or 1.0
    per = max(run.fetched, 1)
    print("  stage times (crawl_runs.stats newscrawl/seconds/*; sums over overlapping items):")
    for stage in STAGES:
        print(
            f"    {stage:9} {times[stage]:8.1f} s  {100 * times[stage] / total:5.1f}%"
            f"  {1000 * times[stage] / per:7.1f} ms per article page"
        )
    dropped = {k.split("/", 1)[1]: v for k, v in s.items() if k.startswith("item_dropped_reasons_count/")}
    errors = {k.split("/", 2)[2]: v for k, v in s.items() if k.startswith("newscrawl/errors/")}
    print(
        f"  stored:             {run.articles_in_db} rows in articles"
        f" (stats: new {run.stat('newscrawl/articles/new')}, updated {run.stat('newscrawl/articles/updated')},"
        f" unchanged {run.stat('newscrawl/articles/unchanged')}, duplicate {run.stat('newscrawl/articles/duplicate')});"
        f" extraction failures {run.failures_in_db}; rows showing the copy marker {run.marker_rows}"
    )
    print(
        f"  other:              pages fetched {run.stat('downloader/response_count')},"
        f" skipped as stored {run.stat('newscrawl/incremental/skipped')},"
        f" dropped {json.dumps(dropped) if dropped else 'none'}, errors {json.dumps(errors) if errors else 'none'},"
        f" finish_reason {s.get('finish_reason', '?')}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=3000, help="article pages in the site (default 3000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="NEWSCRAWL_WORKERS (default: cores)")
    parser.add_argument("--rerun", action=argparse.BooleanOptionalAction, default=True, help="crawl again (default)")
    parser.add_argument("--compare-workers", action="store_true", help="also crawl with NEWSCRAWL_WORKERS=1")
    parser.add_argument("--stage-sample", type=int, default=200, help="pages for the per-stage costs (0: skip)")
    parser.add_argument("--skip-raw", action="store_true", help="skip the raw trafilatura timing (no ratios)")
    parser.add_argument(
        "--raw-parallel",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also time raw trafilatura in W processes at once (default)",
    )
    parser.add_argument(
        "--raw-after",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="time raw trafilatura again after the first crawl; ratios use both timings (default)",
    )
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="extra -s for the crawls")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a crawl is stopped")
    parser.add_argument("--keep", action="store_true", help="keep the temporary site, databases and logs")
    parser.add_argument(
        "--history",
        type=Path,
        default=Path(tempfile.gettempdir()) / "newscrawl_bench_throughput.jsonl",
        help="append a summary line here; earlier lines give the memory growth check",
    )
    args = parser.parse_args()
    extra = dict(item.split("=", 1) for item in args.set)

    info = machine()
    work = Path(tempfile.mkdtemp(prefix="newscrawl-bench-"))
    results: dict[str, Any] = {}
    try:
        started = time.monotonic()
        site_dir = work / "site"
        pages = build_site(site_dir, args.pages)
        size = sum(p.file.stat().st_size for p in pages)
        names = templates()
        print(
            f"site: {len(pages)} article pages from {len(names)} real pages cycled"
            f" ({sum(1 for t in names if not t.name.startswith('demo-'))} golden,"
            f" {sum(1 for t in names if t.name.startswith('demo-'))} demo),"
            f" {size / 1e6:.0f} MB, mean {size / len(pages) / 1024:.0f} KiB;"
            f" built in {time.monotonic() - started:.1f} s in {work}",
            flush=True,
        )

        raw_rate = 0.0
        raw_rates: tuple[float, ...] = ()
        if not args.skip_raw:
            with MachineLoad() as load:
                raw_rate, raw_spent, raw_empty = raw_trafilatura(pages)
            print(
                f"raw trafilatura.extract(html), defaults, one process: {raw_rate:.1f} pages/s"
                f" ({raw_spent:.1f} s for {len(pages)} pages, {raw_empty} without output; {load.describe()})",
                flush=True,
            )
        parallel_rate = 0.0
        if not args.skip_raw and args.raw_parallel and args.workers > 1:
            with MachineLoad() as load:
                parallel_rate = raw_trafilatura_parallel(pages, args.workers)
            print(
                f"raw trafilatura.extract(html) in {args.workers} processes at once (file reads included):"
                f" {parallel_rate:.1f} pages/s = {parallel_rate / raw_rate:.2f}x one process"
                f" (the ceiling for {args.workers} cores with nothing else to do; {load.describe()})",
                flush=True,
            )
        costs: dict[str, float] = {}
        if args.stage_sample > 0:
            costs = stage_costs(pages, min(args.stage_sample, len(pages)))
            print(
                f"per-page CPU in one process (sample of {min(args.stage_sample, len(pages))}): "
                + ", ".join(f"{k} {v:.1f} ms" for k, v in costs.items()),
                flush=True,
            )

        runs: dict[str, CrawlRun] = {}
        with FixtureServer(site_dir) as server:
            db = work / "crawl.sqlite"
            runs["first"] = crawl(server, db, args.workers, work / "crawl-first.log", "first run", extra, args.timeout)
            if raw_rate and args.raw_after:
                with MachineLoad() as load:
                    after_rate, after_spent, _ = raw_trafilatura(pages)
                before_rate = raw_rate
                raw_rate = 2 * len(pages) / (raw_spent + after_spent)
                print(
                    f"raw trafilatura.extract(html) again, after the first crawl: {after_rate:.1f} pages/s"
                    f" ({after_rate / before_rate - 1:+.0%} against before the crawl; {load.describe()});"
                    f" the ratios use both timings: {raw_rate:.1f} pages/s",
                    flush=True,
                )
                raw_rates = (before_rate, after_rate)
            print_crawl(runs["first"], raw_rate)
            if args.rerun:
                runs["rerun"] = crawl(
                    server,
                    db,
                    args.workers,
                    work / "crawl-rerun.log",
                    "re-run, unchanged site",
                    extra,
                    args.timeout,
                )
                print_crawl(runs["rerun"], 0.0)
            if args.compare_workers:
                runs["one"] = crawl(
                    server,
                    work / "crawl-1.sqlite",
                    1,
                    work / "crawl-1.log",
                    "one worker",
                    extra,
                    args.timeout,
                )
                print_crawl(runs["one"], raw_rate)

        first = runs["first"]
        ratio = first.rate / raw_rate if raw_rate else None
        print("\n== summary ==")
        print(
            f"machine:  nproc {info['nproc']} (affinity {info['affinity']}), {info['cpu']}, Python {info['python']};"
            f" " + ", ".join(f"{k} {v}" for k, v in info["versions"].items())
        )
        print(f"load:     1-min load average at the end {os.getloadavg()[0]:.2f}; see 'other load' above")
        print(
            f"settings: pages {args.pages}, workers {args.workers}, extra -s {json.dumps(extra) if extra else 'none'}"
        )
        print(f"N = {args.pages}, workers = {args.workers}")
        print(f"crawl:               {first.rate:6.1f} pages/s ({first.fetched} article pages in {first.wall:.1f} s)")
        if raw_rate:
            print(
                f"raw trafilatura:     {raw_rate:6.1f} pages/s"
                + (f" (before the crawl {raw_rates[0]:.1f}, after it {raw_rates[1]:.1f})" if raw_rates else "")
            )
            if parallel_rate:
                print(
                    f"raw, {args.workers} processes:    {parallel_rate:6.1f} pages/s"
                    f" ({parallel_rate / raw_rate:.2f}x one process: the ceiling)"
                )
            print(f"ratio:               {ratio:6.2f}x")
        if "one" in runs:
            one = runs["one"]
            print(
                f"crawl, 1 worker:     {one.rate:6.1f} pages/s"
                + (f" ({one.rate / raw_rate:.2f}x raw)" if raw_rate else "")
            )
        print(f"peak RSS (tree sum): {mb(first.peak_rss_kb):6.0f} MB (PSS {mb(first.peak_pss_kb):.0f} MB)")
        times = {stage: float(first.stats.get(f"newscrawl/seconds/{stage}", 0.0)) for stage in STAGES}
        total = sum(times.values()) or 1.0
        print("stage shares:        " + ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in times.items()))
        print(
            f"articles stored:     {first.articles_in_db}"
            f" (new {first.stat('newscrawl/articles/new')}, duplicate {first.stat('newscrawl/articles/duplicate')})"
        )
        if "rerun" in runs:
            rerun = runs["rerun"]
            print(
                f"re-run:              {rerun.total:.1f} s whole process vs {first.total:.1f} s"
                f" ({rerun.total / first.total:.3f}x), article pages fetched {rerun.fetched}"
            )

        # History and the memory growth check.
        entry = {
            "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "pages": args.pages,
            "workers": args.workers,
            "extra": extra,
            "rate": round(first.rate, 2),
            "raw_rate": round(raw_rate, 2),
            "raw_rates_before_after": [round(r, 2) for r in raw_rates],
            "raw_parallel_rate": round(parallel_rate, 2),
            "ratio": round(ratio, 3) if ratio else None,
            "peak_rss_mb": round(mb(first.peak_rss_kb), 1),
            "peak_pss_mb": round(mb(first.peak_pss_kb), 1),
            "rate_one_worker": round(runs["one"].rate, 2) if "one" in runs else None,
            "rerun_ratio": round(runs["rerun"].total / first.total, 4) if "rerun" in runs else None,
            "machine": {k: info[k] for k in ("nproc", "cpu", "python")},
            "stage_costs_ms": {k: round(v, 2) for k, v in costs.items()},
        }
        earlier = []
        with contextlib.suppress(OSError):
            for line in args.history.read_text(encoding="utf-8").splitlines():
                with contextlib.suppress(ValueError):
                    earlier.append(json.loads(line))
        with open(args.history, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
        comparable = [
            e
            for e in earlier
            if e.get("workers") == args.workers and e.get("pages") != args.pages and not e.get("extra")
        ]
        growth: bool | None = None
        growth_note = f"no earlier run with another N in {args.history} (run --pages 10000 --no-rerun too)"
        if comparable and not extra:
            other = comparable[-1]
            small, large = sorted([(other["pages"], other["peak_rss_mb"]), (args.pages, entry["peak_rss_mb"])])
            growth = large[1] <= small[1] * TARGET_RSS_GROWTH
            growth_note = f"N={small[0]}: {small[1]:.0f} MB, N={large[0]}: {large[1]:.0f} MB ({other['when']} / now)"

        print("\n== targets ==")
        print(
            f"{verdict(ratio >= TARGET_RATIO_DEFAULT if ratio else None)}  crawl >= {TARGET_RATIO_DEFAULT}x raw"
            f" trafilatura with {args.workers} workers: " + (f"{ratio:.2f}x" if ratio else "not measured")
        )
        if "one" in runs and raw_rate:
            one_ratio = runs["one"].rate / raw_rate
            print(
                f"{verdict(one_ratio >= TARGET_RATIO_ONE_WORKER)}  crawl >= {TARGET_RATIO_ONE_WORKER}x raw with"
                f" 1 worker: {one_ratio:.2f}x"
            )
        else:
            print(f"n/a   crawl >= {TARGET_RATIO_ONE_WORKER}x raw with 1 worker: run with --compare-workers")
        print(
            f"{verdict(first.peak_rss_kb / 1024 < TARGET_RSS_MB)}  peak RSS < {TARGET_RSS_MB} MB"
            f" (tree sum, N={args.pages}): {mb(first.peak_rss_kb):.0f} MB"
        )
        print(f"{verdict(growth)}  peak RSS not growing between N values (within 10%): {growth_note}")
        if "rerun" in runs:
            rerun_ratio = runs["rerun"].total / first.total
            print(
                f"{verdict(rerun_ratio < TARGET_RERUN and runs['rerun'].fetched == 0)}  re-run < {TARGET_RERUN}x"
                f" the first run, 0 article pages: {rerun_ratio:.3f}x, {runs['rerun'].fetched} fetched"
            )
        else:
            print(f"n/a   re-run < {TARGET_RERUN}x the first run: skipped (--no-rerun)")
        results = entry
    finally:
        if args.keep:
            print(f"\nkept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0 if results else 1


if __name__ == "__main__":
    sys.exit(main())
