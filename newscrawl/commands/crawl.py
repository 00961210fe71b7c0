"""`scrapy crawl`, with the spider's arguments checked before anything is fetched.

Scrapy creates the spider inside the running crawl, where a bad argument becomes a
traceback; checking first turns it into one clear error line and exit status 2.
"""

from __future__ import annotations

import argparse

from scrapy.commands.crawl import Command as ScrapyCrawlCommand


class Command(ScrapyCrawlCommand):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) == 1 and self.crawler_process is not None:
            spidercls = self.crawler_process.spider_loader.load(args[0])
            check = getattr(spidercls, "check_arguments", None)
            if check is not None:
                check(**opts.spargs)
        super().run(args, opts)
