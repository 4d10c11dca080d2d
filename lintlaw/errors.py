"""Coded errors. Library code raises these; only the CLI prints them.

Codes are stable strings users can search for:

- ``E1xx`` input: unreadable path, empty, binary, undecodable, malformed file.
- ``E2xx`` rules: invalid rule or lexicon YAML.
- ``E3xx`` configuration and usage.
- ``E9xx`` internal errors.
"""

from __future__ import annotations


class LintlawError(Exception):
    """An error with a stable code, the file it concerns and, where known, the place in it."""

    code = "E900"

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        if code:
            self.code = code

    @property
    def location(self) -> str:
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:  # "path:line:col: E101 message", or "E305 message" with no file
        if self.file is None:
            return f"{self.code} {self.message}"
        return f"{self.location}: {self.code} {self.message}"

    def to_dict(self) -> dict:
        data = {"file": self.file, "code": self.code, "message": self.message}
        if self.line is not None:
            data["line"] = self.line
        if self.column is not None:
            data["column"] = self.column
        return data


class InputError(LintlawError):
    """A file that cannot be read or understood (E1xx)."""

    code = "E100"


class RuleError(LintlawError):
    """An invalid rule or lexicon file (E2xx)."""

    code = "E200"


class ConfigError(LintlawError):
    """Invalid configuration or command-line usage (E3xx)."""

    code = "E300"
