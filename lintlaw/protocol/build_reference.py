"""Turn the Protocol's text file into the structured reference data shipped in ``corpus/reference/``.

The text (``un_palermo-protocol_2000.txt``, with its provenance front matter) is the source of
truth; ``palermo-protocol.<lang>.yaml`` is derived from it by :func:`build` and committed, and a
test rebuilds it to prove the two never drift. Regenerate after editing the text with::

    .venv/bin/python -m lintlaw.protocol.build_reference

Layout of the text: a preamble, chapter numerals (``I`` … ``IV``) each followed by a title, then
``Article N`` / heading / body, where the body has numbered paragraphs (``1.``) and lettered
items (``a)``). Ids follow the clause-tree scheme: ``art_3``, ``art_3__para_a``, ``art_5__para_2``,
``art_5__para_2__subpara_a``; labels are ``Art. 3(a)``, ``Art. 5(2)(a)``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

from lintlaw.errors import InputError

SCHEMA_VERSION = 1

_ARTICLE = re.compile(r"^Article\s+(\d+)\s*$")
_CHAPTER = re.compile(r"^(?:[IVX]+)\s*$")
_PARA = re.compile(r"^(\d+)\.\s+(.*)$")
_ITEM = re.compile(r"^([a-z])\)\s+(.*)$")
_TESTIMONIUM = re.compile(r"^IN WITNESS WHEREOF", re.IGNORECASE)

# The Art. 3(a) elements in the Protocol's own words. Ids are the entry names of the shared
# lexicons ``rules/lexicons/protocol-{acts,means,purposes}.yaml``, which hold the variants.
ELEMENTS: dict[str, list[tuple[str, str]]] = {
    "acts": [
        ("recruitment", "recruitment"),
        ("transportation", "transportation"),
        ("transfer", "transfer"),
        ("harbouring", "harbouring"),
        ("receipt", "receipt of persons"),
    ],
    "means": [
        ("threat", "the threat … of force"),
        ("force", "use of force"),
        ("coercion", "other forms of coercion"),
        ("abduction", "abduction"),
        ("fraud", "fraud"),
        ("deception", "deception"),
        ("abuse-of-power", "the abuse of power"),
        ("abuse-of-vulnerability", "the abuse … of a position of vulnerability"),
        ("payments-to-controller",
         "the giving or receiving of payments or benefits to achieve the consent of a person "
         "having control over another person"),
    ],
    "purposes": [
        ("exploitation", "exploitation"),
        ("exploitation-of-prostitution", "the exploitation of the prostitution of others"),
        ("sexual-exploitation", "other forms of sexual exploitation"),
        ("forced-labour", "forced labour or services"),
        ("slavery", "slavery or practices similar to slavery"),
        ("servitude", "servitude"),
        ("organ-removal", "the removal of organs"),
    ],
}


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    """The YAML front matter (``---`` … ``---``) and the body after it."""
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    if not match:
        raise InputError("reference text has no YAML front matter", file=path, line=1, code="E108")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"malformed front matter: {exc}", file=path, line=1, code="E108") from None
    return dict(meta), text[match.end():]


def _node(node_id: str, label: str, kind: str, text: str) -> dict[str, Any]:
    return {"id": node_id, "label": label, "kind": kind, "text": text, "children": []}


def parse_protocol(body: str, path: str = "<reference>") -> dict[str, Any]:
    """Preamble, articles, paragraphs and items of the Protocol body, as nested dicts."""
    lines = [line.strip() for line in body.splitlines()]
    lines = [line for line in lines if line]
    title = lines[0] if lines else ""
    articles: list[dict[str, Any]] = []
    preamble: list[str] = []
    testimonium = ""
    chapter: dict[str, str] | None = None
    state = "title"
    article: dict[str, Any] | None = None
    para: dict[str, Any] | None = None
    i = 1
    while i < len(lines):
        line = lines[i]
        if _TESTIMONIUM.match(line):
            testimonium = line
            state = "done"
        elif state == "done":
            raise InputError(f"unexpected text after the testimonium: {line[:60]!r}", file=path, code="E105")
        elif _CHAPTER.match(line) and i + 1 < len(lines):
            chapter = {"num": line, "title": lines[i + 1]}
            i += 1
            state = "between"
        elif (m := _ARTICLE.match(line)) and i + 1 < len(lines):
            num = m.group(1)
            article = _node(f"art_{num}", f"Art. {num}", "article", "")
            article.update(num=num, heading=lines[i + 1], chapter=dict(chapter) if chapter else None)
            articles.append(article)
            para = None
            i += 1
            state = "article"
        elif state in ("title", "preamble"):
            if line != "Preamble":
                preamble.append(line)
            state = "preamble"
        elif state == "article" and article is not None:
            if m := _PARA.match(line):
                para = _node(f"{article['id']}__para_{m.group(1)}", f"{article['label']}({m.group(1)})",
                             "paragraph", m.group(2))
                article["children"].append(para)
            elif m := _ITEM.match(line):
                parent = para if para is not None else article
                part = "subpara" if para is not None else "para"
                parent["children"].append(_node(f"{parent['id']}__{part}_{m.group(1)}",
                                                 f"{parent['label']}({m.group(1)})", "item", m.group(2)))
            elif para is None and not article["children"]:
                article["text"] = f"{article['text']} {line}".strip()
            else:
                raise InputError(f"unplaced line in {article['label']}: {line[:60]!r}", file=path, code="E105")
        else:
            raise InputError(f"unplaced line: {line[:60]!r}", file=path, code="E105")
        i += 1
    if not articles:
        raise InputError("no articles found in the reference text", file=path, code="E105")
    return {"title": title, "preamble": "\n".join(preamble), "articles": articles, "testimonium": testimonium}


def build(text_path: Path) -> dict[str, Any]:
    """The structured reference data for one language's text file."""
    raw = text_path.read_text(encoding="utf-8")
    meta, body = split_front_matter(raw, str(text_path))
    parsed = parse_protocol(body, str(text_path))
    return {
        "schema_version": SCHEMA_VERSION,
        "instrument": "palermo-protocol",
        "language": str(meta.get("language", "en")),
        "title": " ".join(str(meta.get("title", parsed["title"])).split()),
        "short_title": "Palermo Protocol",
        "text_file": text_path.name,
        "source": " ".join(str(meta.get("source", "")).split()),
        "completeness": " ".join(str(meta.get("completeness", "")).split()),
        "definition": "art_3__para_a",
        "elements": {cat: [{"id": eid, "text": words} for eid, words in items] for cat, items in ELEMENTS.items()},
        "preamble": parsed["preamble"],
        "articles": parsed["articles"],
        "testimonium": parsed["testimonium"],
    }


def dump(data: dict[str, Any]) -> str:
    """The YAML text written to ``corpus/reference/`` (stable key order, wide lines)."""
    header = "# Generated from {} by `python -m lintlaw.protocol.build_reference`; do not edit by hand.\n"
    return header.format(data["text_file"]) + yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=100_000
    )


def main(argv: list[str] | None = None) -> int:
    """Rebuild every ``palermo-protocol.<lang>.yaml`` next to its text file."""
    from lintlaw.protocol.reference import REFERENCE_TEXTS, reference_dir

    folder = Path(argv[0]) if argv else reference_dir()
    for lang, name in REFERENCE_TEXTS.items():
        text_path = folder / name
        if text_path.is_file():
            (folder / f"palermo-protocol.{lang}.yaml").write_text(dump(build(text_path)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
