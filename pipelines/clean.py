"""Clean: Unicode NFC, whitespace, repeated paragraphs, de-duplicated lists."""

from __future__ import annotations

from newscrawl.items import PageItem
from newscrawl.text import clean_article


class CleanPipeline:
    def process_item(self, item: PageItem) -> PageItem:
        if item.get("article") and not item.get("cleaned"):
            item["article"] = clean_article(item["article"])
            item["cleaned"] = True
        return item
