"""The build date: SOURCE_DATE_EPOCH when set, so builds are reproducible."""

from __future__ import annotations

import datetime as dt
import os

CHINA = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")


def build_datetime() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), CHINA)
    return dt.datetime.now(CHINA)


def build_date() -> dt.date:
    """Today in Beijing time (validity is a matter of the calendar day in China)."""
    return build_datetime().date()
