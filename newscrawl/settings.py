"""Scrapy settings for newscrawl. Override any of them with `-s NAME=value`.

The NEWSCRAWL_* settings are newscrawl's own; README.md lists the ones users change.
"""

import os

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"

# --- Politeness -----------------------------------------------------------------------
NEWSCRAWL_CONTACT_URL = os.environ.get("NEWSCRAWL_CONTACT_URL", "https://github.com/newscrawl/newscrawl")
USER_AGENT = f"newscrawl/0.1 (+{NEWSCRAWL_CONTACT_URL})"
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5

# --- Limits (Scrapy's defaults are loose: 1 GiB pages, 180 s timeouts, 20 redirects) ---
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30
REDIRECT_MAX_TIMES = 5
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# With CPU-heavy pipelines in a process pool, few items in flight is faster and leaner.
CONCURRENT_ITEMS = 8

# The spider deduplicates its requests per run; a persisted dupefilter (JOBDIR) would, after
# a SIGKILL, remember URLs whose requests were lost and never fetch them again.
DUPEFILTER_CLASS = "scrapy.dupefilters.BaseDupeFilter"

# --- Components -----------------------------------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    "newscrawl.middlewares.IncrementalFetchMiddleware": 80,
    "newscrawl.middlewares.RetryAfterMiddleware": 560,  # after RetryMiddleware (550) in responses
    "newscrawl.middlewares.OffsiteRedirectMiddleware": 610,  # before RedirectMiddleware (600) in responses
    "newscrawl.middlewares.CookieChallengeMiddleware": 650,
    "newscrawl.middlewares.HostOverrideMiddleware": 990,
}
ITEM_PIPELINES = {
    "pipelines.extract.ExtractPipeline": 100,
    "pipelines.clean.CleanPipeline": 200,
    "pipelines.language.LanguagePipeline": 300,
    "pipelines.dedup.DedupPipeline": 400,
    "pipelines.store.StorePipeline": 500,
}
EXTENSIONS = {
    "newscrawl.extensions.CrawlRunExtension": 100,
}

# --- newscrawl ------------------------------------------------------------------------
NEWSCRAWL_DB_PATH = os.environ.get("NEWSCRAWL_DB_PATH", "data/newscrawl.sqlite")
NEWSCRAWL_DB_BATCH_SIZE = 50
NEWSCRAWL_DB_MAX_MB = 0  # a size cap for the SQLite file (0: none); past it, batches are refused
NEWSCRAWL_DB_FLUSH_SECONDS = 2.0
NEWSCRAWL_STORE_RAW_PAGES = True
NEWSCRAWL_LANGUAGES = ["vi", "en"]
NEWSCRAWL_WORKERS = -1  # worker processes for extraction; -1: one per core, 0: inline
NEWSCRAWL_INCREMENTAL = True
NEWSCRAWL_MAX_LISTING_PAGES = 50
NEWSCRAWL_COOKIE_CHALLENGE_ENABLED = True
NEWSCRAWL_HOST_OVERRIDES: dict[str, str] = {}
NEWSCRAWL_MAX_RETRY_AFTER = 600

LOG_LEVEL = "INFO"
TELNETCONSOLE_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"
COMMANDS_MODULE = "newscrawl.commands"
