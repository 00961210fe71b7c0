import pytest

from newscrawl.dates import parse_date


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Thứ tư, 22/10/2025, 19:25 (GMT+7)", "2025-10-22T19:25:00+07:00"),
        ("Chủ Nhật, 04/08/2024 - 07:54", "2024-08-04T07:54:00+07:00"),
        ("2024-08-04T07:54:29.000 +07:00", "2024-08-04T07:54:29+07:00"),
        (" Thứ tư, 17/04/2024 06:23 (GMT+7) ", "2024-04-17T06:23:00+07:00"),
        ("20/05/2021   00:01 (GMT+07:00)", "2021-05-20T00:01:00+07:00"),
        ("Thứ Hai, ngày 20/07/2026 - 06:31", "2026-07-20T06:31:00+07:00"),
        ("17/7/2026 00:00 (GMT+7)", "2026-07-17T00:00:00+07:00"),
        ("2021-05-20T00:01:31.000+07:00", "2021-05-20T00:01:31+07:00"),
        ("Tue, 14 Jan 2025 10:32:05 +0700", "2025-01-14T10:32:05+07:00"),
        ("2024-01-01T03:00:00Z", "2024-01-01T10:00:00+07:00"),
        ("2024-04-17", "2024-04-17T00:00:00+07:00"),
    ],
)
def test_site_date_forms_read_as_vietnam_time(written: str, expected: str) -> None:
    assert parse_date(written) == expected


@pytest.mark.parametrize("written", ["", "   ", "(3 giờ trước)", "2025-13-45", "32/01/2024 10:00", None])
def test_unreadable_dates_are_none(written: str | None) -> None:
    assert parse_date(written) is None
