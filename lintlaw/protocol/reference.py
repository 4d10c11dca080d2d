"""The Palermo Protocol as data: provisions with stable ids, and the Art. 3(a) element lists.

Loaded from ``corpus/reference/palermo-protocol.<lang>.yaml`` (built from the text file next to
it by :mod:`lintlaw.protocol.build_reference`). Every language shipped uses the same ids, so a
comparison can show the English and, where shipped, the French or Spanish wording of a provision.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml

from lintlaw.errors import ConfigError

# Language → text file shipped in ``corpus/reference/``. Only English exists in the corpus today.
REFERENCE_TEXTS = {"en": "un_palermo-protocol_2000.txt"}
CATEGORIES = ("acts", "means", "purposes")


def reference_dir() -> Path:
    """``$LINTLAW_REFERENCE_DIR``, else ``corpus/reference/`` of the source checkout, else the copy
    an installed package carries in ``lintlaw/data/reference`` (a link to the same folder)."""
    override = os.environ.get("LINTLAW_REFERENCE_DIR")
    if override:
        return Path(override)
    package = Path(__file__).resolve().parents[1]
    for candidate in (package.parent / "corpus" / "reference", package / "data" / "reference"):
        if candidate.is_dir():
            return candidate
    return package.parent / "corpus" / "reference"


@dataclass(frozen=True)
class Provision:
    """One article, paragraph or item. ``text`` is its own wording; ``full_text`` adds its children."""

    id: str
    label: str
    kind: str
    text: str
    children: tuple["Provision", ...] = ()
    heading: str | None = None
    num: str | None = None

    @property
    def full_text(self) -> str:
        parts = [self.text] if self.text else []
        parts.extend(child.full_text for child in self.children)
        return "\n".join(parts)

    def walk(self) -> Iterator["Provision"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Element:
    """One element of Art. 3(a): ``category`` is acts, means or purposes; ``text`` the Protocol's words."""

    id: str
    category: str
    text: str


@dataclass(frozen=True)
class Reference:
    """The Protocol in one language."""

    language: str
    title: str
    short_title: str
    source: str
    text_file: str
    definition_id: str
    articles: tuple[Provision, ...]
    elements: dict[str, tuple[Element, ...]] = field(default_factory=dict)
    preamble: str = ""

    def provisions(self) -> Iterator[Provision]:
        for article in self.articles:
            yield from article.walk()

    def get(self, provision_id: str) -> Provision:
        for provision in self.provisions():
            if provision.id == provision_id:
                return provision
        raise KeyError(provision_id)

    def article(self, num: str) -> Provision:
        return self.get(f"art_{num}")

    @property
    def definition(self) -> Provision:
        return self.get(self.definition_id)

    def element_ids(self, category: str) -> list[str]:
        return [e.id for e in self.elements[category]]

    def to_dict(self) -> dict[str, Any]:
        """The short description carried in compare JSON."""
        return {
            "instrument": "palermo-protocol",
            "title": self.title,
            "language": self.language,
            "definition": {"id": self.definition.id, "label": self.definition.label},
            "elements": {cat: [{"id": e.id, "text": e.text} for e in items] for cat, items in self.elements.items()},
        }


def _provision(data: dict[str, Any], where: str) -> Provision:
    try:
        return Provision(
            id=str(data["id"]), label=str(data["label"]), kind=str(data["kind"]), text=str(data.get("text", "")),
            children=tuple(_provision(c, where) for c in data.get("children") or ()),
            heading=data.get("heading"), num=data.get("num"),
        )
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"malformed provision in reference data: {exc}", file=where, code="E341") from None


@lru_cache(maxsize=4)
def _load(path: Path) -> Reference:
    where = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read the Protocol reference data: {exc}", file=where, code="E341") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML in the Protocol reference data: {exc}", file=where, code="E341") from None
    if not isinstance(data, dict) or "articles" not in data or "elements" not in data:
        raise ConfigError("the Protocol reference data needs 'articles' and 'elements'", file=where, code="E341")
    elements = {
        cat: tuple(Element(id=str(e["id"]), category=cat, text=str(e["text"])) for e in data["elements"].get(cat, ()))
        for cat in CATEGORIES
    }
    return Reference(
        language=str(data.get("language", "en")), title=str(data.get("title", "")),
        short_title=str(data.get("short_title", "Palermo Protocol")), source=str(data.get("source", "")),
        text_file=str(data.get("text_file", "")), definition_id=str(data.get("definition", "art_3__para_a")),
        articles=tuple(_provision(a, where) for a in data["articles"]), elements=elements,
        preamble=str(data.get("preamble", "")),
    )


def available_languages(folder: Path | None = None) -> list[str]:
    """Languages with a reference data file, sorted."""
    folder = folder or reference_dir()
    return sorted(p.name.split(".")[1] for p in folder.glob("palermo-protocol.*.yaml"))


def load_reference(language: str = "en", folder: Path | None = None) -> Reference:
    """The Protocol in ``language``; a coded error names the file if it is missing or malformed."""
    folder = folder or reference_dir()
    path = folder / f"palermo-protocol.{language}.yaml"
    if not path.is_file():
        shipped = ", ".join(available_languages(folder)) or "none"
        raise ConfigError(f"no Protocol reference text for language '{language}' (shipped: {shipped})",
                          file=str(path), code="E341")
    return _load(path.resolve())


def reference_text_path(language: str = "en", folder: Path | None = None) -> Path:
    """The Protocol's text file (with front matter) for ``language``."""
    folder = folder or reference_dir()
    return folder / REFERENCE_TEXTS[language]
