"""The small Markdown subset rule descriptions use, rendered to safe HTML or to plain text.

Supported: ATX headings, paragraphs, ``-``/``*``/``1.`` lists, ``**strong**``, ``*em*``/``_em_``,
inline code and ``[text](url)`` links. Everything else is text and is escaped, so a rule file
cannot inject markup into a report. Links keep only ``http(s)``, ``mailto`` and in-page targets.
"""

from __future__ import annotations

import html
import re

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_INLINE = re.compile(
    r"`(?P<code>[^`]+)`"
    r"|\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)\)"
    r"|\*\*(?P<strong>[^*]+)\*\*"
    r"|(?<![\w*])[*_](?P<em>[^*_\s](?:[^*_]*[^*_\s])?)[*_](?![\w*])"
)
_SAFE_URL = re.compile(r"^(https?://|mailto:|#)", re.IGNORECASE)


def inline_html(text: str) -> str:
    """Escape ``text`` and render its inline Markdown."""
    out: list[str] = []
    pos = 0
    for match in _INLINE.finditer(text):
        out.append(html.escape(text[pos : match.start()]))
        if match.group("code") is not None:
            out.append(f"<code>{html.escape(match.group('code'))}</code>")
        elif match.group("url") is not None:
            label = inline_html(match.group("text"))
            url = match.group("url")
            if _SAFE_URL.match(url):
                out.append(f'<a href="{html.escape(url)}" rel="noreferrer">{label}</a>')
            else:
                out.append(label)
        elif match.group("strong") is not None:
            out.append(f"<strong>{inline_html(match.group('strong'))}</strong>")
        else:
            out.append(f"<em>{inline_html(match.group('em'))}</em>")
        pos = match.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def inline_text(text: str) -> str:
    """Plain text of inline Markdown: markers dropped, link targets kept in brackets."""

    def repl(match: re.Match[str]) -> str:
        if match.group("code") is not None:
            return match.group("code")
        if match.group("url") is not None:
            return f"{inline_text(match.group('text'))} <{match.group('url')}>"
        return inline_text(match.group("strong") or match.group("em") or "")

    return _INLINE.sub(repl, text)


def _blocks(markdown: str) -> list[tuple[str, list[str]]]:
    """Group lines into ``("h<n>"|"ul"|"ol"|"p", items)`` blocks."""
    blocks: list[tuple[str, list[str]]] = []
    for raw in markdown.splitlines():
        line = raw.rstrip()
        if not line.strip():
            blocks.append(("blank", []))
            continue
        heading = _HEADING.match(line)
        bullet = _BULLET.match(line)
        numbered = _NUMBERED.match(line)
        last = blocks[-1] if blocks else ("blank", [])
        if heading:
            blocks.append((f"h{len(heading.group(1))}", [heading.group(2)]))
        elif bullet or numbered:
            kind = "ul" if bullet else "ol"
            item = (bullet or numbered).group(1)  # type: ignore[union-attr]
            if last[0] == kind:
                last[1].append(item)
            else:
                blocks.append((kind, [item]))
        elif last[0] in ("ul", "ol") and raw[:1].isspace():
            last[1][-1] += " " + line.strip()
        elif last[0] == "p":
            last[1].append(line.strip())
        else:
            blocks.append(("p", [line.strip()]))
    return [b for b in blocks if b[0] != "blank"]


def to_html(markdown: str, *, heading_offset: int = 0) -> str:
    """Render ``markdown`` to HTML; ``heading_offset`` demotes headings (2 turns ``#`` into ``h3``)."""
    parts: list[str] = []
    for kind, items in _blocks(markdown):
        if kind.startswith("h"):
            level = min(6, int(kind[1]) + heading_offset)
            parts.append(f"<h{level}>{inline_html(items[0])}</h{level}>")
        elif kind in ("ul", "ol"):
            lis = "".join(f"<li>{inline_html(item)}</li>" for item in items)
            parts.append(f"<{kind}>{lis}</{kind}>")
        else:
            parts.append(f"<p>{inline_html(' '.join(items))}</p>")
    return "\n".join(parts)


def to_text(markdown: str) -> str:
    """Render ``markdown`` as plain text: headings on their own line, lists with ``-``."""
    parts: list[str] = []
    for kind, items in _blocks(markdown):
        if kind.startswith("h"):
            parts.append(inline_text(items[0]))
        elif kind == "ul":
            parts.append("\n".join(f"- {inline_text(item)}" for item in items))
        elif kind == "ol":
            parts.append("\n".join(f"{i}. {inline_text(item)}" for i, item in enumerate(items, 1)))
        else:
            parts.append(inline_text(" ".join(items)))
    return "\n\n".join(parts)
