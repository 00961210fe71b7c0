"""newscrawl's item pipelines, one job each, in this order:

extract (100) -> clean (200) -> language (300) -> dedup (400) -> store (500).
"""

from scrapy.exceptions import DropItem


class ExtractionFailed(DropItem):
    """The page is an article URL but holds no story (kept for `reextract`)."""


class NotTargetLanguage(DropItem):
    """The story is in a language the settings do not keep."""


class ArticleTooOld(DropItem):
    """Published before `-a since`."""
