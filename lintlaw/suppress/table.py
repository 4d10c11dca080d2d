"""``lintlaw-suppressions.toml``: suppressions for sources that cannot hold comments (PDF, DOCX).

Each entry is keyed by a finding's fingerprint (shown in JSON, SARIF, CSV and the baseline),
which survives edits elsewhere in the document. Each entry names the file (relative to the
suppressions file) and the rule, and gives a reason, so a reader sees what was accepted and why,
and lintlaw can tell a stale entry from one for a file or rule that was not checked this run:

```toml
[suppress.3f919cafd865d3e7]
file = "bills/draft-2025.pdf"
rule = "LL105"
reason = "The committee adopted the Nordic model knowingly; see report HC 123."
```
"""

from __future__ import annotations

import re
import tomllib
from functools import partial
from pathlib import Path
from typing import Callable

from lintlaw.errors import ConfigError
from lintlaw.suppress.model import EXTERNAL, Directive

FILENAME = "lintlaw-suppressions.toml"
E_TOML = "E321"
E_ENTRY = "E322"
_FINGERPRINT = re.compile(r"^[0-9a-f]{8,64}$")
ENTRY_KEYS = {"file", "reason", "rule"}


def _line_of(text: str, fingerprint: str) -> int | None:
    """The line of the table header (or inline key) that names ``fingerprint``."""
    match = re.search(rf"^[^#\n]*\b{re.escape(fingerprint)}\b", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _entry_error(file: str, fingerprint: str, line: int | None, message: str) -> ConfigError:
    return ConfigError(f"suppress.{fingerprint}: {message}", file=file, line=line, code=E_ENTRY)


def load_table(
    path: Path,
    resolve: Callable[[str], str | None],
    *,
    display: str | None = None,
) -> list[Directive]:
    """Read and validate a suppressions file; every problem is a coded ``ConfigError``."""
    name = display or path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"cannot read suppressions: {exc.strerror or exc}", file=name, code=E_TOML) from None
    except UnicodeDecodeError:
        raise ConfigError("suppressions file is not UTF-8", file=name, code=E_TOML) from None
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, column = (int(where.group(1)), int(where.group(2))) if where else (None, None)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(f"invalid TOML: {message}", file=name, line=line, column=column, code=E_TOML) from None
    unknown = set(data) - {"suppress"}
    if unknown:
        raise ConfigError(
            f"unknown table(s) {', '.join(sorted(unknown))}; entries go under [suppress.<fingerprint>]",
            file=name,
            code=E_ENTRY,
        )
    table = data.get("suppress", {})
    if not isinstance(table, dict):
        raise ConfigError("'suppress' must be a table keyed by fingerprint", file=name, code=E_ENTRY)
    directives = []
    for fingerprint, entry in table.items():
        line = _line_of(text, fingerprint)
        fail = partial(_entry_error, name, fingerprint, line)

        if not _FINGERPRINT.match(fingerprint):
            raise fail("the key must be a finding fingerprint (lower-case hex, e.g. 3f919cafd865d3e7)")
        if not isinstance(entry, dict):
            raise fail("must be a table with 'file', 'rule' and 'reason'")
        extra = set(entry) - ENTRY_KEYS
        if extra:
            raise fail(f"unknown key(s) {', '.join(sorted(extra))}; allowed: {', '.join(sorted(ENTRY_KEYS))}")
        reason = entry.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise fail("needs a non-empty 'reason'")
        rule = entry.get("rule")
        if not isinstance(rule, str) or not rule.strip():
            raise fail("needs the 'rule' it suppresses (code or name)")
        code = resolve(rule.strip())
        if code is None:
            raise fail(f"no rule named {rule!r}")
        target = entry.get("file")
        if not isinstance(target, str) or not target.strip():
            raise fail("needs the 'file' it applies to, relative to this file")
        directives.append(
            Directive(
                kind=EXTERNAL,
                file=name,
                line=line or 1,
                column=1,
                rules=(code,),
                reason=reason.strip(),
                fingerprint=fingerprint,
                target_file=str((path.parent / target.strip()).resolve()),
            )
        )
    return directives
