"""What flows from the spider through the pipelines."""

from __future__ import annotations

import scrapy


class PageItem(scrapy.Item):
    """A fetched article page; the pipelines add the article taken from it."""

    # Set by the spider: the page as fetched.
    url = scrapy.Field()  # the URL requested (after our normalisation)
    final_url = scrapy.Field()  # the URL answered, after redirects
    status = scrapy.Field()
    headers = scrapy.Field()  # {name: value}, lower-case names
    body = scrapy.Field()  # bytes
    fetched_at = scrapy.Field()  # ISO 8601, +07:00
    site = scrapy.Field()  # site profile name
    not_before = scrapy.Field()  # ISO date from `-a since`, or None

    # Set by the pipelines.
    article = scrapy.Field()  # dict: the Article fields, related links as dicts
    extraction_error = scrapy.Field()  # why no story came out of the page
    cleaned = scrapy.Field()  # True when the extraction worker cleaned the article already
    language = scrapy.Field()
    language_score = scrapy.Field()
    content_hash = scrapy.Field()
    minhash = scrapy.Field()  # bytes or None
    aliases = scrapy.Field()  # other URLs of the same story (fetched, redirected)
