"""Spiders: one per site, all built on NewsSpider and the site's profile."""
