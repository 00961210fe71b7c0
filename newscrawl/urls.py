"""URL identity: one story, one key, whatever variant of its address was fetched."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that track a reader, never select content.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "zarsrc",
        "gidzl",
        "_ga",
        "ref",
        "refresh",
        "vn_source",
        "vn_medium",
        "vn_campaign",
        "vn_term",
        "vn_content",
        "itm_source",
        "itm_medium",
        "itm_campaign",
        "itm_content",
    }
)
# Host prefixes that serve the same story as the bare domain.
MIRROR_PREFIXES = ("www.", "m.", "amp.", "mobile.")


def registered_host(host: str) -> str:
    """ "www.laodong.vn" / "amp.laodong.vn" / "m.laodong.vn" -> "laodong.vn"."""
    host = (host or "").lower().rstrip(".")
    if ":" in host and not host.startswith("["):
        host = host.split(":", 1)[0]
    for prefix in MIRROR_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            return host[len(prefix) :]
    return host


def normalize_url(url: str) -> str:
    """Canonical form of a story URL: https, bare host, no tracking, no fragment, no AMP suffix."""
    parts = urlsplit(url.strip())
    host = registered_host(parts.hostname or "")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    scheme = "https" if parts.scheme in ("http", "https", "") else parts.scheme
    path = parts.path or "/"
    for suffix in ("/amp", "/amp/"):
        if path.endswith(suffix) and len(path) > len(suffix):
            path = path[: -len(suffix)]
    if path.endswith(".amp"):
        path = path[: -len(".amp")]
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMS and key.lower() != "amp"
    ]
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), ""))


def same_site(url: str, other: str) -> bool:
    return registered_host(urlsplit(url).hostname or "") == registered_host(urlsplit(other).hostname or "")
