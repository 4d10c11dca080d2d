"""Find a law's trafficking definitions and offences, and what they refer to.

- **Definitions** are found in the text itself (``"X" means``, ``The term "X" means``,
  ``- X means`` in a definitions list, ``"X" shall mean``), so they are found however the
  segmenter shaped the clause tree; clauses the segmenter marked as definitions are added. A
  definition runs to the end of its clause, or on through following clauses that finish its
  sentence (a line break read as a new clause).
  A trafficking definition is one whose term names trafficking ("sex trafficking", "severe forms
  of trafficking in persons") and is not about its victims or perpetrators.
- **Offences** are the deepest clauses whose own words (chapeau or tail, not a sub-item's) make
  conduct an offence (``offence`` lexicon), that concern trafficking (a mention of it in the
  clause, in its heading or an ancestor's, or in the document's title, as in the 1933 Convention
  "for the Suppression of the Traffic in Women of Full Age"; road "traffic" does not count), and
  that name both an act and a purpose, or use a trafficking definition. An item that continues
  its parent's sentence ("benefits ..., shall be punished") stands for its parent.
- **Limbs**: the numbered items of a provision are alternatives when joined by "or"; items
  joined by "and", or that split one sentence into its elements, are read as one limb. So is an
  offence whose closing words ("knowing that force ... will be used, shall be punished") the
  source text runs into its last item: the items cannot be told apart from the tail.
- **Uses**: a provision that uses another defined trafficking term, or says "as defined in
  section N" / "within the meaning of section N", incorporates what that provision says.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from lintlaw.model import Clause, Outline
from lintlaw.protocol.ages import CHILD_TERMS
from lintlaw.protocol.lexicon import ElementMatcher

_DEF = re.compile(
    r"^[ \t]*(?:(?:\(?[0-9A-Za-z]{1,5}[.)]\)?|[-\u2022*])[ \t]+)*"
    r"(?:(?:in|for\s+the\s+purposes?\s+of)\s+this\s+[\w ]{2,30}?,?\s*"
    r"(?:unless\s+the\s+context\s+otherwise\s+requires,?\s*)?)?"
    r"(?:the\s+(?:term|expression|word|phrase)s?\s+)?"
    r"(?P<q>[\"'`]?)(?P<term>\b[A-Za-z][^\"'`\n;:()]{1,90}?)(?P=q)"
    r"\s+(?P<verb>shall\s+mean|means(?!\s+of\b)|shall\s+have\s+the\s+meaning|has\s+the\s+meaning|is\s+defined\s+as)\b",
    re.IGNORECASE | re.MULTILINE,
)
_TRAFFICKING_TERM = re.compile(r"\btraffic|\btrade\s+in\s+(?:persons|human)|\bwhite\s+slave|\btraite\b", re.I)
_NOT_TRAFFICKING = re.compile(
    r"^(?:victims?|persons?|people|grounds?|survivors?|child\s+victims?|abuse|proceeds|trafficked\s+persons?)\b"
    r"|trafficker",
    re.I,
)
_VICTIM_OF = re.compile(
    r"(?:victims?|survivors?|subjected|vulnerable|persons?|related)\s+(?:of|to)\s+(?:\w+\s+){0,3}$", re.I
)
_CROSS_REF = re.compile(
    r"(?:as\s+defined\s+(?:in|by|under)|within\s+the\s+meaning\s+of|described\s+in|referred\s+to\s+in|"
    r"set\s+(?:forth|out)\s+in|specified\s+in|defined\s+in)\s+"
    r"(?:sub)?(?P<kind>section|s\.|article|art\.|paragraph|para\.|clause)\s*(?P<ref>\d+[A-Za-z]?(?:\s*\(\w{1,5}\))*)",
    re.I,
)
_HEADING_TRAFFICKING = re.compile(r"\btraffick|\btraffic\s+(?:in|of)\b|\bwhite\s+slave", re.I)
_TRAFFIC_IN = re.compile(r"\s+(?:in|of)\b", re.I)
_ENDS_OR = re.compile(r"\bor\s*[;,.]?\s*$", re.I)
_ENDS_AND = re.compile(r"\band\s*[;,.]?\s*$", re.I)
MAX_TERM_WORDS = 9
_SPACE = re.compile(r"\s*")
_WORD = re.compile(r"\w+")
_NOT_A_TERM = frozenset("this it that which who by or and of any such other the a an".split())


@dataclass
class Site:
    """A definition or offence: its clause, its span in the text and its limbs (lists of spans)."""

    kind: str  # definition | offence
    clause: Clause
    start: int
    end: int
    body: int
    term: str | None = None
    limbs: list[tuple[tuple[int, int], ...]] = field(default_factory=list)
    uses: list[tuple[int, "Site"]] = field(default_factory=list)

    @property
    def key(self) -> tuple[int, int]:
        return (self.start, self.end)


def is_trafficking_term(term: str) -> bool:
    """Whether a defined term names trafficking itself ("sex trafficking", "severe forms of
    trafficking in persons"), not its victims, perpetrators, or something about it ("minimum
    standards for the elimination of trafficking")."""
    text = " ".join(term.lower().split())
    found = _TRAFFICKING_TERM.search(text)
    if not found or _NOT_TRAFFICKING.search(text):
        return False
    head = text[:found.start()].strip()
    if not head:
        return True
    if re.search(r"\b(?:of|for|to|against|on|by)$", head):
        return bool(re.search(r"\b(?:forms?|acts?|offen[cs]es?|crimes?)\s+of$", head))
    return len(head.split()) <= 2


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _provision_clause(outline: Outline, offset: int) -> Clause:
    return outline.leaf_at(offset)


def find_definitions(outline: Outline) -> list[Site]:
    """Every definition in the document (any term), in text order."""
    norm = outline.document.norm
    body_start = outline.document.body_start
    raw: list[tuple[int, int, str]] = []
    for m in _DEF.finditer(norm, body_start):
        term = " ".join(m.group("term").split())
        if len(term.split()) > MAX_TERM_WORDS or term.lower().split()[-1] in _NOT_A_TERM:
            continue
        raw.append((m.start("q") if m.group("q") else m.start("term"), m.end(), term))
    for clause in outline.clauses():
        if clause.kind != "definition" or not clause.term or any(clause.start <= r[0] < clause.end for r in raw):
            continue
        words = clause.term.lower().split()
        if words and len(words) <= MAX_TERM_WORDS and words[-1] not in _NOT_A_TERM:
            raw.append((clause.start, clause.start, clause.term))
    raw.sort()
    sites: list[Site] = []
    for index, (start, body, term) in enumerate(raw):
        clause = _provision_clause(outline, start)
        end = clause.end if clause is not outline.root else len(norm)
        following = [r[0] for r in raw[index + 1:] if r[0] > start]
        if following and following[0] < end:
            end = following[0]
        if clause is outline.root:
            para = norm.find("\n\n", body)
            end = min(end, para if para != -1 else end)
        else:
            end = _continued(outline, end, following[0] if following else len(norm))
        s, e = _trim(norm, start, end)
        sites.append(Site("definition", clause, s, e, max(body, s), term=term))
    for site in sites:
        site.limbs = limbs(outline, site.clause, site.start, site.end)
    return sites


def _continued(outline: Outline, end: int, limit: int) -> int:
    """Extend a definition over the clauses that finish its sentence (a line break the segmenter
    took for a new clause: "... harbouring or receipt" / "of a person by means of threat ...")."""
    norm = outline.document.norm
    for _ in range(8):
        last = _last_visible(norm, end)
        nxt = _SPACE.match(norm, end).end()
        if last is None or last in ".;:" or nxt >= min(limit, len(norm)) or not norm[nxt].islower():
            return end
        following = outline.leaf_at(nxt)
        if following is outline.root or following.end <= end:
            return end
        end = min(following.end, limit)
    return end


def trafficking_definitions(outline: Outline, definitions: list[Site] | None = None) -> list[Site]:
    return [d for d in (definitions if definitions is not None else find_definitions(outline))
            if d.term and is_trafficking_term(d.term)]


def child_definitions(outline: Outline, definitions: list[Site] | None = None) -> list[Site]:
    return [d for d in (definitions if definitions is not None else find_definitions(outline))
            if d.term and d.term.lower() in CHILD_TERMS]


def limbs(outline: Outline, clause: Clause, start: int, end: int) -> list[tuple[tuple[int, int], ...]]:
    """The alternatives of the provision spanning ``start``..``end`` in ``clause``."""
    norm = outline.document.norm
    items = [c for c in clause.children if c.num and start <= c.start and c.end <= end]
    whole = (_trim(norm, start, end),)
    if len(items) < 2:
        return [whole]
    before_last = norm[items[-2].start:items[-2].end]
    alternative = bool(_ENDS_OR.search(before_last)) and not _ENDS_AND.search(before_last)
    if not alternative:
        return [whole]
    shared: list[tuple[int, int]] = []
    cursor = start
    for item in items:
        if item.start > cursor:
            shared.append((cursor, item.start))
        cursor = item.end
    if cursor < end:
        shared.append((cursor, end))
    result = []
    for item in items:
        pieces = sorted([*shared, (item.start, item.end)])
        trimmed = tuple(p for p in (_trim(norm, s, e) for s, e in pieces) if p[1] > p[0])
        result.append(trimmed)
    return result


def _names_trafficking(text: str | None) -> bool:
    return bool(text) and bool(_HEADING_TRAFFICKING.search(text or ""))


def _heading_mentions(clause: Clause) -> bool:
    node: Clause | None = clause
    while node is not None:
        if _names_trafficking(node.heading):
            return True
        node = node.parent
    return False


def _mentions(text: str, matcher: ElementMatcher) -> list[int]:
    """Offsets of trafficking names in ``text``, leaving out mentions of its victims ("victim of
    trafficking") and road traffic (a bare "traffic" not followed by "in" or "of")."""
    found = []
    for m in matcher.find(text):
        if m.category != "trafficking" or _VICTIM_OF.search(text[max(0, m.start - 40):m.start]):
            continue
        if m.text.lower() == "traffic" and not _TRAFFIC_IN.match(text, m.end):
            continue
        found.append(m.start)
    return found


def _last_visible(text: str, end: int) -> str | None:
    """The last character before ``end`` that is not white space (without copying the text)."""
    i = end - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else None


def _inside_any(spans: list[tuple[int, int]]):
    """A test of whether an offset falls inside one of ``spans`` (a bisection over their merged,
    sorted form, not a scan of every span)."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        elif e > s:
            merged.append([s, e])
    starts = [s for s, _ in merged]

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < merged[i][1]

    return inside


def find_offences(outline: Outline, matcher: ElementMatcher, definitions: list[Site],
                  defined_terms: list[Site]) -> list[Site]:
    """The deepest clauses that create a trafficking-related offence, in text order."""
    norm = outline.document.norm
    taken = {(d.clause.start, d.clause.end) for d in definitions}
    qualifying: dict[int, Clause] = {}
    titled = _names_trafficking(outline.document.title)
    in_definition = _inside_any([(d.start, d.end) for d in definitions])
    for clause in outline.clauses():
        if (clause.start, clause.end) in taken or in_definition(clause.start):
            continue
        if not _has_offence(" ".join(norm[s:e] for s, e in _own_spans(clause)), matcher):
            continue
        text = norm[clause.start:clause.end]
        hits = matcher.find(text)
        concerns = titled or _heading_mentions(clause) or bool(_mentions(text, matcher))
        elements = {m.category for m in hits if m.category in ("acts", "purposes")} == {"acts", "purposes"}
        uses = bool(term_uses(text, clause.start, defined_terms, None))
        if concerns and (elements or uses):
            qualifying[id(clause)] = clause
    chosen: list[Clause] = []
    for clause in qualifying.values():
        if any(id(d) in qualifying for d in clause.walk() if d is not clause):
            continue
        node = clause
        while node.parent is not None and node.parent is not outline.root and _continues(norm, node):
            node = node.parent
        if node not in chosen:
            chosen.append(node)
    chosen_ids = {id(c) for c in chosen}
    chosen = [c for c in chosen if not any(id(a) in chosen_ids for a in c.ancestors())]
    sites = []
    for clause in sorted(chosen, key=lambda c: c.start):
        s, e = _trim(norm, clause.start, clause.end)
        site = Site("offence", clause, s, e, s)
        items = [c for c in clause.children if c.num]
        own = " ".join(norm[a:b] for a, b in _own_spans(clause))
        last = norm[items[-1].start:items[-1].end] if items else ""
        merged = bool(items) and not _has_offence(own, matcher) and _has_offence(last, matcher)
        site.limbs = [(_trim(norm, s, e),)] if merged else limbs(outline, clause, s, e)
        sites.append(site)
    return sites


def _has_offence(text: str, matcher: ElementMatcher) -> bool:
    return matcher.could_match(text, ("offence",)) and any(m.category == "offence" for m in matcher.find(text))


def _own_spans(clause: Clause) -> list[tuple[int, int]]:
    """The parts of a clause's span outside its children: its chapeau and tail."""
    spans, cursor = [], clause.start
    for child in clause.children:
        if child.start > cursor:
            spans.append((cursor, child.start))
        cursor = max(cursor, child.end)
    if clause.end > cursor:
        spans.append((cursor, clause.end))
    return spans


def _continues(norm: str, clause: Clause) -> bool:
    """Whether a clause's text continues its parent's sentence (starts in lower case after its number)."""
    text = norm[clause.start:clause.end].lstrip()
    text = re.sub(r"^(?:\(?[0-9A-Za-z]{1,5}[.)]\)?|[-\u2022*])\s*", "", text)
    return bool(text) and (text[0].islower() or not clause.num)


def term_uses(text: str, base: int, definitions: list[Site], own: Site | None) -> list[tuple[int, Site]]:
    """Uses of defined trafficking terms in ``text`` (document offset ``base``), longest term first."""
    lower = text.lower()
    words = set(_WORD.findall(lower))
    taken: list[tuple[int, int]] = []
    uses: list[tuple[int, Site]] = []
    for site in sorted(definitions, key=lambda d: (-len(d.term or ""), d.start)):
        term = (site.term or "").lower()
        if not term:
            continue
        first = _WORD.search(term)
        if first is not None and first.group() not in words:
            continue  # the term cannot occur: its first word is not in the text
        for m in re.finditer(r"(?<!\w)" + re.escape(term) + r"(?!\w)", lower):
            span = (m.start(), m.end())
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
            offset = base + m.start()
            if own is not None and (site is own or own.start <= offset < own.body):
                continue
            if _VICTIM_OF.search(lower[max(0, m.start() - 40):m.start()]):
                continue
            uses.append((offset, site))
    return sorted(uses, key=lambda u: u[0])


def resolve(outline: Outline, ref: str) -> Clause | None:
    """The clause a reference such as ``14``, ``2(1)`` or ``3(a)`` points to."""
    parts = re.findall(r"\d+[A-Za-z]?|\w{1,5}", ref)
    if not parts:
        return None
    candidates = sorted((c for c in outline.clauses() if (c.num or "").strip("().") == parts[0]),
                        key=lambda c: (c.depth, c.start))
    if not candidates:
        return None
    node = candidates[0]
    for part in parts[1:]:
        nxt = next((c for c in node.children if (c.num or "").strip("().") == part), None)
        if nxt is None:
            break
        node = nxt
    return node


def cross_references(outline: Outline, site: Site, definitions: list[Site]) -> list[tuple[int, Site]]:
    """``as defined in section N`` references inside a site, resolved to the definitions there."""
    norm = outline.document.norm
    found: list[tuple[int, Site]] = []
    for m in _CROSS_REF.finditer(norm, site.start, site.end):
        target = resolve(outline, m.group("ref"))
        if target is None or target is site.clause:
            continue
        inside = [d for d in definitions if target.start <= d.start < target.end and d is not site]
        if inside:
            found.extend((m.start(), d) for d in inside)
        else:
            s, e = _trim(norm, target.start, target.end)
            found.append((m.start(), Site("provision", target, s, e, s, limbs=limbs(outline, target, s, e))))
    return found
