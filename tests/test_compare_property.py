"""Properties: compare never raises on odd text, its offsets stay inside the text, redlines rebuild."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintlaw.ingest import read_text
from lintlaw.protocol.compare import compare_outline
from lintlaw.protocol.redline import redline
from lintlaw.structure import segment

PIECES = [
    "1. ", "(a) ", "(2) ", "- ", "\n", "\n\n", '"trafficking" means ', "The term \u201csex trafficking\u201d means ",
    "the recruitment, transportation or harbouring of ", "women and children ", "a person ", "a child ",
    "by force, deception or coercion ", "for the purpose of prostitution", "for the purpose of exploitation",
    "with or without the consent of the person", "is guilty of an offence", "as defined in section 1",
    "under the age of 16 years", "; or ", "; and ", ", ", ". ", "shall be repatriated", "victims ", "Article 3\n",
]
printable = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), max_size=12)
text_strategy = st.lists(st.one_of(st.sampled_from(PIECES), printable), max_size=30).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_compare_never_raises_and_keeps_offsets_inside_the_text(text):
    if not text.strip():
        return
    outline = segment(read_text(text, path="<prop>"))
    comparison = compare_outline(outline)
    size = len(outline.document.text)
    for analysis in comparison.analyses:
        assert 0 <= analysis.site.start <= analysis.site.end <= size
        for limb in analysis.profile.limbs:
            assert all(0 <= s <= e <= size for s, e in limb.pieces)
            assert all(0 <= m.start < m.end <= size for m in limb.matches)
        assert analysis.consent in ("scoped", "unscoped", "absent")
    for finding in comparison.findings:
        assert 0 <= finding.start <= finding.end <= size
        assert finding.origin == "compare" and finding.fingerprint
    data = comparison.to_dict()
    assert [a["article"] for a in data["articles"]][0] == "3"


words = st.lists(st.sampled_from(["the", "person", "shall", "be", "recruits", ",", ".", "women", "(a)", "Trafficking"]),
                 max_size=25).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(words, words)
def test_redline_runs_rebuild_both_sides(old, new):
    runs = redline(old, new)
    assert "".join(r.text for r in runs if r.op != "delete").split() == new.split()
    assert "".join(r.text for r in runs if r.op != "insert").split() == old.split()
    assert all(r.text.strip() for r in runs)
