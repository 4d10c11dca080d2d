"""What an operator can set for ``lintlaw serve``, with the defaults the issue asks for."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class ServeSettings:
    """Limits of one server. ``max_upload_bytes`` caps a whole request (the law and any earlier version)."""

    max_upload_bytes: int = 20 * MB
    time_limit: float = 120.0
    workers: int = 2
    pdf_timeout: float = 60.0
    result_ttl: float = 1800.0
    result_capacity: int = 64
