"""Reads about what was sent: the differences between a sent report and what its records say today."""

from dataclasses import dataclass

from reports.figures import figures_of, scope_of
from reports.models import SentReport
from reports.periods import Window


@dataclass(frozen=True)
class Change:
    key: str
    sent: int | float
    now: int | float

    @property
    def difference(self) -> int | float:
        return self.now - self.sent


def changes_since(sent: SentReport) -> list[Change]:
    """The figures of ``sent``'s window that records entered or edited since have changed, key by key."""
    span = Window(sent.kind, sent.start, sent.end, sent.year, sent.month)  # as sent, whatever the windows are now
    now = figures_of(scope_of(sent.unit), span)
    return [
        Change(key, sent.figures.get(key, 0), value) for key, value in now.items() if sent.figures.get(key) != value
    ]
