"""`scrapy crawl laodong`: laodong.vn (sitemaps, /rss/<section>.rss, section pages)."""

from newscrawl.sites import laodong
from newscrawl.spiders.news import NewsSpider


class LaodongSpider(NewsSpider):
    name = "laodong"
    profile = laodong.PROFILE
