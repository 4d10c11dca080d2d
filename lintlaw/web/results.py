"""Finished analyses, kept in memory (never on disk) for a while so their downloads can be fetched."""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any


@dataclass
class StoredResult:
    summary: dict[str, Any]
    files: dict[str, str]
    created: float = field(default_factory=time.monotonic)
    pdf: bytes | None = None


class ResultStore:
    """At most ``capacity`` results, each for ``ttl`` seconds; ids are unguessable tokens."""

    def __init__(self, capacity: int = 64, ttl: float = 1800.0) -> None:
        self.capacity = capacity
        self.ttl = ttl
        self._items: OrderedDict[str, StoredResult] = OrderedDict()

    def add(self, summary: dict[str, Any], files: dict[str, str]) -> str:
        self._expire()
        key = secrets.token_urlsafe(18)
        self._items[key] = StoredResult(summary, files)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)
        return key

    def get(self, key: str) -> StoredResult | None:
        self._expire()
        return self._items.get(key)

    def _expire(self) -> None:
        limit = time.monotonic() - self.ttl
        while self._items and next(iter(self._items.values())).created < limit:
            self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
