"""Dates as Vietnamese news sites write them, read into ISO 8601 with the +07:00 offset.

A date without an offset on these sites is Vietnam time (UTC+7, no daylight saving).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

VIETNAM_TZ = timezone(timedelta(hours=7), "ICT")

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?"
)
# Day first; old pages write two-digit years ("24/12/12").
_DMY = re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})[/.-](?P<mo>\d{1,2})[/.-](?P<y>\d{4}|\d{2})(?![\d/.-])")
_TIME = re.compile(r"(?<![\d/])(?P<h>\d{1,2})[:h](?P<mi>\d{2})(?::(?P<s>\d{2}))?(?!\d)")
# A 12-hour clock names the part of the day after the time: "11:05 tối" is 23:05.
_DAY_PART = re.compile(r"^\s*(?P<part>sáng|trưa|chiều|tối|đêm|am|pm|a\.m\.|p\.m\.)(?!\w)", re.IGNORECASE)
_GMT = re.compile(r"GMT\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?", re.IGNORECASE)


def to_iso(moment: datetime) -> str:
    """ISO 8601 in Vietnam time, to the second: "2024-04-17T06:23:19+07:00"."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM_TZ)
    return moment.astimezone(VIETNAM_TZ).isoformat(timespec="seconds")


def now_iso() -> str:
    return to_iso(datetime.now(VIETNAM_TZ))


def parse_date(value: str | None) -> str | None:
    """Any date form seen on the sites, or None when there is none to read.

    >>> parse_date("Chủ Nhật, 04/08/2024 - 07:54")
    '2024-08-04T07:54:00+07:00'
    """
    moment = _read(value)
    return to_iso(moment) if moment is not None else None


def parse_wall_clock(value: str | None) -> str | None:
    """A date read as Vietnam wall-clock time, whatever offset it states.

    For sites whose machine-readable dates carry a wrong offset on the right clock time
    (vnexpress 2019 wrote "+08:00" on times its epoch metas prove are Vietnam time).

    >>> parse_wall_clock("2019-02-08T17:08:25+08:00")
    '2019-02-08T17:08:25+07:00'
    """
    moment = _read(value)
    return to_iso(moment.replace(tzinfo=None)) if moment is not None else None


def has_clock(value: str | None) -> bool:
    """True when a written date gives the time of day, not only the day.

    >>> has_clock("2012-12-25"), has_clock("Thứ Ba, 25/12/2012 - 10:03")
    (False, True)
    """
    if not value:
        return False
    iso = _ISO.search(value)
    if iso:
        return iso["h"] is not None
    day = _DMY.search(value)
    rest = value[: day.start()] + " " + value[day.end() :] if day else value
    return _TIME.search(rest) is not None


def _read(value: str | None) -> datetime | None:
    if not value:
        return None
    value = " ".join(value.split())
    if not value:
        return None
    for reader in (_read_iso, _read_visible, _read_rfc822):
        try:
            moment = reader(value)
        except (ValueError, TypeError, OverflowError, IndexError):
            moment = None
        if moment is not None:
            return moment
    return None


def _offset(text: str | None) -> timezone:
    if not text:
        return VIETNAM_TZ
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))


def _read_iso(value: str) -> datetime | None:
    match = _ISO.search(value)
    if not match:
        return None
    parts = match.groupdict()
    return datetime(
        int(parts["y"]),
        int(parts["mo"]),
        int(parts["d"]),
        int(parts["h"] or 0),
        int(parts["mi"] or 0),
        int(parts["s"] or 0),
        tzinfo=_offset(parts["tz"]),
    )


def _read_visible(value: str) -> datetime | None:
    day = _DMY.search(value)
    if not day:
        return None
    rest = value[: day.start()] + " " + value[day.end() :]
    clock = _TIME.search(rest)
    hour = _hour_of_day(int(clock["h"]), rest[clock.end() :]) if clock else 0
    year = int(day["y"])
    if len(day["y"]) == 2:
        year += 2000
    zone = VIETNAM_TZ
    gmt = _GMT.search(value)
    if gmt:
        sign = -1 if gmt["sign"] == "-" else 1
        zone = timezone(sign * timedelta(hours=int(gmt["h"]), minutes=int(gmt["m"] or 0)))
    return datetime(
        year,
        int(day["mo"]),
        int(day["d"]),
        hour,
        int(clock["mi"]) if clock else 0,
        int(clock["s"] or 0) if clock else 0,
        tzinfo=zone,
    )


def _hour_of_day(hour: int, after: str) -> int:
    """24-hour value of a 12-hour clock followed by "sáng/chiều/tối/đêm" or am/pm."""
    part = _DAY_PART.match(after)
    if not part:
        return hour
    name = part["part"].lower().replace(".", "")
    if name in ("chiều", "tối", "pm") and hour < 12:
        return hour + 12
    if name == "đêm" and 6 <= hour < 12:
        return hour + 12
    if name in ("sáng", "am", "đêm") and hour == 12:
        return 0
    if name == "trưa" and hour < 5:
        return hour + 12
    return hour


def _read_rfc822(value: str) -> datetime | None:
    return parsedate_to_datetime(value)
