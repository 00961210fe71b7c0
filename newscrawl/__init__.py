"""newscrawl: Vietnamese news sites into a clean, deduplicated SQLite corpus (a Scrapy project)."""
