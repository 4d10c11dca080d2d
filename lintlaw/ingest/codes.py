"""The input error codes (E1xx) and the one helper every reader uses to raise them.

``CODES`` is the single list of codes and their meaning; ``docs/errors.md`` documents the same
table and a test keeps the two in step.
"""

from __future__ import annotations

from lintlaw.errors import InputError

E101 = "E101"
E102 = "E102"
E103 = "E103"
E104 = "E104"
E105 = "E105"
E106 = "E106"
E107 = "E107"
E108 = "E108"
E109 = "E109"
E110 = "E110"
E111 = "E111"
E112 = "E112"

CODES: dict[str, str] = {
    E101: "path not found or unreadable (missing, permission denied, a directory)",
    E102: "empty or whitespace-only input (no text after the front matter, no visible text)",
    E103: "binary data where text was expected (NUL bytes, control characters)",
    E104: "text that cannot be decoded in any supported encoding",
    E105: "malformed or truncated container (DOCX/PDF structure, XML syntax)",
    E106: "unsafe XML: a DOCTYPE or entity declaration",
    E107: "unsupported format",
    E108: "malformed YAML front matter",
    E109: "PDF without a text layer (scanned?)",
    E110: "encrypted (password-protected) document",
    E111: "symbolic link leading outside the folder being walked, not followed (a notice)",
    E112: "no language pack for the document's language: read but not analysed (a notice)",
}


def fail(
    code: str, message: str, path: str, line: int | None = None, column: int | None = None
) -> InputError:
    """Build the coded error for ``path``; callers ``raise fail(...)`` so the raise stays visible."""
    return InputError(message, file=path, line=line, column=column, code=code)


def line_of(text: str, offset: int) -> int:
    """1-based line number of ``offset`` in ``text`` (lines end at ``\\n``)."""
    return text.count("\n", 0, max(0, offset)) + 1
