"""One spider for each other site with a profile: `scrapy crawl vnexpress`, …"""

from newscrawl.sites import dantri, nhandan, nld, soha, thanhnien, tienphong, tuoitre, vietnamnet, vnexpress, znews
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


class NhandanSpider(NewsSpider):
    name = "nhandan"
    profile = nhandan.PROFILE


class TienphongSpider(NewsSpider):
    name = "tienphong"
    profile = tienphong.PROFILE


class SohaSpider(NewsSpider):
    name = "soha"
    profile = soha.PROFILE
