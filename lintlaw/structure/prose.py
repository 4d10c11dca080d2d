"""Unnumbered lines: running text, chapeau tails, definitions, provisos, dash lines.

Where an unnumbered line goes:

- in an indented document, to the innermost open clause indented less than the line;
- in a flat document, to the innermost open clause, except after the items of a list whose
  chapeau stops mid-sentence ("… folgende Angaben:", "Any person who—"): there the line is the
  tail of the list's owner, not more of the last item, when each line is a whole paragraph (or,
  in hard-wrapped text, when it starts a new sentence). A new sentence climbs out of nested lists
  to the clause whose sentence they complete;
- at the top level, into a ``text`` clause (a new one after a blank line).

A line defining a term ("child" means …) opens a definition clause instead. In indented
renderings such as the Sri Lanka Act, dash lines (``- …``) are marginal notes when capitalised
("- Interpretation."), tails after list items or run-on text when lower-case ("- a building …
shall be guilty of an offence"); everywhere else, and otherwise, they are bullets (``indent``).
"""

from __future__ import annotations

import re

from lintlaw.structure import definitions as D
from lintlaw.structure import frames as F
from lintlaw.structure.frames import Frame
from lintlaw.structure.lattice import GROUP_WORDS, group_rank
from lintlaw.structure.lines import Line
from lintlaw.structure.patterns import ENACTING, EXCEPTION_LABEL, name_like, opens_list, unfinished
from lintlaw.structure.state import State


def add_text(st: State, frame: Frame, start: int, end: int) -> None:
    """Give ``frame`` the words ``start:end``; a definition after a lead-in becomes a child."""
    if frame.role in (F.ARTICLE, F.GROUP) or (frame.role == F.LIST and frame.has_own):
        found = D.quoted(st.norm, start, end)
        if found is not None:
            frame.own_text(start, _trim(st, start, found.start))
            _open_definition(st, frame, found, end)
            return
    frame.own_text(start, end)


def _trim(st: State, start: int, end: int) -> int:
    while end > start and st.norm[end - 1].isspace():
        end -= 1
    return end


def place_text(st: State, line: Line) -> None:
    """A line of running text."""
    start = line.text_start
    if _definition(st, line, start):
        return
    target = _text_target(st, line)
    if target is None:
        _root_text(st, line)
        return
    st.settle_pending(target)
    add_text(st, target, start, line.end)


def _text_target(st: State, line: Line) -> Frame | None:
    if st.top.role == F.TEXT:
        bracketed = st.norm[line.body] == "[" and st.norm[line.end - 1] == "]"
        if bracketed and st.top.parent is st.root:
            return None
        return st.top if not st.blank_before or _continues_formula(st, line) else None
    if st.profile.indented:
        st.pop_indented(line.indent)
    top = st.top
    if top.role == F.ROOT:
        return None
    if not st.profile.indented and top.role in (F.LIST, F.INDENT, F.DEFINITION):
        parent = top.parent
        if (parent is not None and (_introduces(st, parent) or _after_whole_items(st, top, line))
                and top.has_own and _ends_list(st, top, line)):
            if st.words(line.text_start, line.end)[:1].isupper():
                parent = _sentence_owner(st, parent)
            st.pop_to(parent)
            return parent
    return st.top


def _continues_formula(st: State, line: Line) -> bool:
    """A top-level paragraph that carries on the one before it across a blank line: after a
    formula ending in a colon ("POR CUANTO:" / "El Senado …"), and, after the closing formula,
    the names of a signature block ("JULIO A." / "ROCA") or a line cut off mid-sentence
    ("Registrada bajo el N.° 12.331" / "Buenos Aires, Diciembre 30 de 1936.")."""
    top = st.top
    if top.parent is not st.root:
        return False
    last = top.last_own(st.norm).rstrip()
    if last.endswith(":"):
        return True
    words = st.words(line.text_start, line.end)
    if last[-1:].isalnum() and not st.opened_body and ENACTING.search(words):
        return True  # "El Congreso de Colombia" / "DECRETA:"
    if not st.closed or not last:
        return False
    if name_like(last) or name_like(words):
        return name_like(last) and name_like(words) and len(top.own) > 0 and _signature(st, top)
    return last[-1].isalnum()


def _signature(st: State, frame: Frame) -> bool:
    return all(name_like(st.norm[a:b]) for a, b in frame.own)


def _introduces(st: State, frame: Frame) -> bool:
    """Whether ``frame``'s own words stop mid-sentence to introduce its list ("… who—")."""
    return frame.role != F.ROOT and frame.has_own and unfinished(frame.last_own(st.norm))


def _after_whole_items(st: State, item: Frame, line: Line) -> bool:
    """In a civil-law text with one paragraph per line, a new paragraph after the lettered items of
    a numbered paragraph (or of an appended protocol), items that are whole sentences ("a) Copia
    del pasaporte … en vigor." / "No obstante, …"), continues the clause that holds the list."""
    return (st.tradition.by_depth and st.profile.unwrapped
            and item.role == F.LIST and item.parent is not None
            and (st.blank_before and item.parent.role == F.LIST or item.parent.role == F.GROUP)
            and item.last_own(st.norm).rstrip().endswith(".")
            and st.words(line.text_start, line.end)[:1].isupper())


def _sentence_owner(st: State, owner: Frame) -> Frame:
    """The clause a new sentence after nested lists belongs to: "(2) … wenn / 2. die Person /
    a) … / b) …" then "Das gilt auch …" continues (2), not Nr. 2."""
    while owner.role == F.LIST and owner.parent is not None and _introduces(st, owner.parent):
        owner = owner.parent
    return owner


def _ends_list(st: State, item: Frame, line: Line) -> bool:
    """Whether ``line`` closes the list ``item`` belongs to rather than continuing the item.

    In a document with one paragraph per line, any such line does ("8. entgegen / a) … oder /
    b) … / einen Hinweis nicht … gibt,"). In hard-wrapped text a capitalised sentence does ("…
    die ausstellende Behörde." / "Das Lichtbild ist …"), and so does a separate paragraph after
    an item that ends as list items do ("… of another person," / "commits an offence").
    """
    words = st.words(line.text_start, line.end)
    last = item.last_own(st.norm).rstrip()
    if not st.profile.unwrapped and words[:1].islower() and not st.blank_before and last[-1:].isalnum():
        return False  # a wrapped line: "… transportation or receipt" / "of a person by means of …"
    if words[:1].isupper() or st.profile.unwrapped:
        return True
    return st.blank_before and (last[-1:] in ",;" or last.endswith((" or", " and")))


def _root_text(st: State, line: Line) -> None:
    frame = Frame(F.TEXT, line.body, line.end, rank=1e9, kind="text", indent=line.indent)
    st.push(st.root, frame)
    frame.own_text(line.text_start, line.end)


def _definition(st: State, line: Line, start: int) -> bool:
    """Open a definition clause for ``line`` if it defines a term; True if it did."""
    found = D.quoted(st.norm, start, line.end)
    note = st.pending[-1].note if st.pending else None
    if found is None:
        found = D.unquoted(st.norm, start, line.end)
        if found is not None and not _unquoted_allowed(st, line, found, note):
            found = None
    if found is None:
        return False
    if st.profile.indented:
        st.pop_indented(line.indent)
    top = st.top
    if top.role == F.LIST and not top.has_own:
        st.settle_pending(top)
        top.own_text(start, line.end)
        return True
    open_def = st.in_stack(F.DEFINITION)
    parent = open_def.parent if open_def is not None and open_def.parent is not None else top
    if parent.role == F.TEXT:
        parent = st.root
    st.pop_to(parent)
    _open_definition(st, parent, found, line.end, line)
    return True


def _open_definition(st: State, parent: Frame, found: D.Definition, end: int,
                     line: Line | None = None) -> Frame:
    """Open a definition clause under ``parent``: from ``line`` when the whole line defines,
    else from the definition's own start (after a lead-in on the parent's line)."""
    term = D.clean_term(st.text[found.term_start : found.term_end])
    if (line is not None and found.start > line.text_start and parent.role != F.ROOT
            and _TERM_FORMULA.match(st.norm, found.start)):
        parent.own_text(line.text_start, _trim(st, line.text_start, found.start))
        line = None  # "In this chapter, the term …": the lead-in stays with the clause above
    start = line.body if line is not None else found.start
    indent = line.indent if line is not None else parent.indent + 1
    frame = Frame(F.DEFINITION, start, end, indent=indent, rank=parent.rank + 5.0,
                  level=max(parent.level, 0), kind="definition", term=term)
    st.push(parent, frame)
    own_start = line.text_start if line is not None else found.start
    frame.own_text(own_start, end)
    return frame


def _unquoted_allowed(st: State, line: Line, found: D.Definition, note: str | None) -> bool:
    term = " ".join(st.norm[found.term_start : found.term_end].split()).lower()
    if note is not None and " ".join(note.split()).lower() == term:
        return True
    frame: Frame | None = st.top
    while frame is not None and frame.role not in (F.ROOT, F.GROUP):
        if frame.role == F.DEFINITION:
            return True
        if frame.heading and D.is_interpretation(frame.heading):
            return True
        if frame.own and D.is_interpretation(frame.first_own(st.norm)):
            return True
        if frame.role == F.ARTICLE:
            return False
        frame = frame.parent
    return False


def place_proviso(st: State, line: Line) -> None:
    """"Provided that …" qualifies the clause it follows (or the owner of the list it ends)."""
    target = _text_target(st, line) or st.root
    open_proviso(st, target, line.text_start, line)


def open_proviso(st: State, target: Frame, start: int, line: Line) -> Frame:
    """A proviso under ``target`` from ``start`` (a line's start, or mid-line after a colon)."""
    frame = Frame(F.PROVISO, min(start, line.body) if start == line.text_start else start,
                  line.end, indent=line.indent, rank=target.rank + 5.0,
                  level=max(target.level, 0), kind="proviso")
    st.push(target, frame)
    frame.own_text(start, line.end)
    return frame


def place_dash(st: State, line: Line) -> None:
    """A line starting with a dash or bullet."""
    start = line.text_start
    words = st.words(start, line.end)
    if _definition(st, line, start):
        return
    top = st.top
    first = words[:1]
    last = top.last_own(st.norm)
    if top.role == F.PROVISO and EXCEPTION_LABEL.match(last):
        top.own_text(line.body, line.end)  # "(Exception)" / "— This section does not extend …"
        return
    indented = st.profile.indented
    if indented and first.islower() and top.role == F.LIST and top.num and not opens_list(last):
        owner = top.parent if top.parent is not None else st.root
        st.pop_to(owner)
        st.settle_pending(owner)
        owner.own_text(start, line.end)
        return
    if indented and first.islower() and top.role not in (F.ROOT, F.INDENT) and unfinished(
            last) and not opens_list(last):
        st.settle_pending(top)  # "2. Any person who attempts it / - shall be guilty …"
        top.own_text(start, line.end)
        return
    if indented and first.isupper() and line.indent > max(top.indent, 0) and _note_shaped(words):
        target = top.section() or top
        if target.heading is not None or target.role in (F.ROOT, F.TEXT):
            target = top
        if target.heading is None and target.role not in (F.ROOT, F.TEXT):
            target.heading = st.text[start : line.end].strip()
            top.touch(line.end)
            return
    _bullet(st, line)


def _note_shaped(words: str) -> bool:
    """A marginal note rendered as a dash line: short, and not an item ending in ; , or :."""
    words = words.strip()
    return len(words) <= 200 and words[-1:] not in (";", ",", ":")


def _bullet(st: State, line: Line) -> None:
    if st.profile.indented:
        st.pop_indented(line.indent)
    if st.top.role == F.INDENT:
        st.stack.pop()
    parent = st.top
    if parent.role == F.TEXT:
        parent = st.root
    frame = Frame(F.INDENT, line.body, line.end, indent=line.indent, rank=parent.rank + 5.0,
                  level=max(parent.level, 0) + 1, kind="indent", style="-")
    st.push(parent, frame)
    frame.own_text(line.text_start, line.end)


def place_editorial(st: State, line: Line) -> None:
    """A publisher's note becomes a ``text`` clause of its own: a note on an article or a group
    ("(Artículo sustituido por …)") under the innermost article or group, a number range left
    out ("(1) –(4) Omitted") under the innermost open clause."""
    if line.marker is None and st.norm[line.body] == "(" and not _range_note(st, line):
        target = _group_named(st, line) or next(
            f for f in reversed(st.stack) if f.role in (F.ARTICLE, F.GROUP, F.ROOT))
    else:
        target = st.top if st.top.role != F.TEXT else (st.top.parent or st.root)
    if target.role == F.ROOT:
        _root_text(st, line)
        return
    st.settle_pending(target)
    frame = Frame(F.TEXT, line.body, line.end, rank=1e9, kind="text", indent=line.indent)
    st.push(target, frame)
    frame.own_text(line.text_start, line.end)
    st.stack.pop()  # later words belong to the clause the note follows, not to the note
    target.touch(line.end)


def _group_named(st: State, line: Line) -> Frame | None:
    """The group a note speaks of: "(Rúbrica del Título sustituida …)" right under a title is on
    that title; "(Nota: Rúbricas de los Capítulos II, III …)" is on the group holding them."""
    kind = None
    for word in _WORD.findall(st.norm[line.body : min(line.end, line.body + 80)]):
        kind = GROUP_WORDS.get(word.lower()) or GROUP_WORDS.get(word.lower().removesuffix("s"))
        if kind is not None:
            break
    if kind is None:
        return None
    groups = [f for f in reversed(st.stack) if f.role == F.GROUP]
    for frame in groups:
        if frame.kind == kind:
            if all(c.role == F.TEXT for c in frame.children):
                return frame
            break
    named_rank = group_rank(st.tradition, kind)
    return next((f for f in groups if f.kind != kind and f.rank < named_rank), None)


# US drafting: "In this chapter, the term “X” means …"
_TERM_FORMULA = re.compile(r"(?i)the (?:terms?|expressions?)\b")
_WORD = re.compile(r"[^\W\d_]+")


def _range_note(st: State, line: Line) -> bool:
    close = st.norm.find(")", line.body, line.end)
    return close > 0 and st.norm[close + 1 : line.end].lstrip()[:1] in ("-", "t")


def place_history(st: State, line: Line) -> None:
    """The amendment history after a section's last subsection is the section's own text."""
    section = st.in_stack(F.ARTICLE)
    if section is None:
        place_text(st, line)
        return
    st.pop_to(section)
    st.settle_pending(section)
    section.own_text(line.text_start, line.end)
