"""One spider for each other site with a profile: `scrapy crawl vnexpress`, …"""

from newscrawl.sites import dantri, nld, thanhnien, tuoitre, vietnamnet, vnexpress, znews
from newscrawl.spiders.news import NewsSpider


class VnexpressSpider(NewsSpider):
    name = "vnexpress"
    profile = vnexpress.PROFILE


class TuoitreSpider(NewsSpider):
    name = "tuoitre"
    profile = tuoitre.PROFILE


class DantriSpider(NewsSpider):
    name = "dantri"
    profile = dantri.PROFILE


class VietnamnetSpider(NewsSpider):
    name = "vietnamnet"
    profile = vietnamnet.PROFILE


class ThanhnienSpider(NewsSpider):
    name = "thanhnien"
    profile = thanhnien.PROFILE


class ZnewsSpider(NewsSpider):
    name = "znews"
    profile = znews.PROFILE


class NldSpider(NewsSpider):
    name = "nld"
    profile = nld.PROFILE
