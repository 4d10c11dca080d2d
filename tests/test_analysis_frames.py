"""Element frames on authored clauses in English, French and Spanish: each element with its role
and provenance, and the readings that keep them honest (purpose over means, optional means,
consent scoping, children, framing)."""

from __future__ import annotations

import pytest

from lintlaw.analysis import frames_of, has_pack, lexicon_for
from lintlaw.analysis.conditions import check_spec, meets
from lintlaw.ingest import read_text
from lintlaw.structure import segment


def frames(text: str, language: str = "en"):
    document = read_text(text, path="<test>")
    document.language = language
    return frames_of(segment(document))


def only(text: str, language: str = "en"):
    found = [f for f in frames(text, language) if f.acts or f.purposes]
    assert len(found) == 1, [f.summary() for f in found]
    return found[0]


def subs(elements) -> set[str]:
    return {e.sub for e in elements}


def test_protocol_definition_keeps_all_three_elements() -> None:
    frame = only('1. "Trafficking in persons" means the recruitment, transportation or harbouring of persons, '
                 "by means of the threat or use of force, deception or the abuse of a position of vulnerability, "
                 "for the purpose of exploitation.")
    assert frame.kind == "definition" and frame.term == "Trafficking in persons" and frame.framing == "term"
    assert {"recruit", "transport", "harbour"} <= subs(frame.acts)
    assert frame.means_required and {"threat", "force", "deception"} <= subs(frame.means)
    assert subs(frame.purposes) == {"exploitation"}
    assert all(e.clause_label.startswith("s. 1") and e.start < e.end for e in frame.acts + frame.means)


def test_means_after_with_or_without_is_optional() -> None:
    frame = only("5. Any person who transports a woman for the purpose of prostitution, with or without the use "
                 "of force, commits the offence of trafficking.")
    assert frame.kind == "offence" and frame.framing == "provision"
    assert not frame.means_required and {m.role for m in frame.means} == {"optional"}


def test_forced_labour_is_a_purpose_not_a_means() -> None:
    frame = only("3. Any person who recruits another person for forced labour commits an offence of trafficking.")
    assert subs(frame.purposes) == {"labour"} and frame.means == []


def test_consent_statement_is_scoped_or_not() -> None:
    scoped = only("4. (1) Any person who recruits a person by deception for the purpose of exploitation commits "
                  "the offence of trafficking.\n(2) The consent of the victim is irrelevant where any of the means "
                  "in subsection (1) has been used.")
    assert [c.role for c in scoped.consent] == ["scoped"]
    unscoped = only("4. (1) Any person who recruits a woman for prostitution commits the offence of trafficking."
                    "\n(2) The consent of the woman shall be immaterial.")
    assert [c.role for c in unscoped.consent] == ["unscoped"]
    assert unscoped.consent[0].clause_label == "s. 4(2)"


def test_child_only_provision_and_the_offender_words() -> None:
    frame = only("6. Whoever, by any means whatsoever, induces any child under the age of eighteen years to go "
                 "from any place for prostitution shall be punished.")
    assert frame.subject == "child"
    frame = only("7. Any person who transports a person for the purpose of prostitution is guilty of trafficking.")
    assert frame.subject == "any"


def test_women_and_children_narrow_the_victims() -> None:
    frame = only('2. "trafficking" means the moving, selling or buying of women and children for prostitution.')
    assert frame.victims == "women-and-children" and frame.subject == "any"


@pytest.mark.parametrize(("text", "language"), [
    ("Artículo 2.- Se entiende por trata de personas el ofrecimiento, la captación, el traslado o la acogida "
     "de personas con fines de explotación, aunque mediare el consentimiento de la víctima.", "es"),
    ("Article 225-4-1. La traite des êtres humains est le fait de recruter une personne, de la transporter ou "
     "de l'héberger, à des fins d'exploitation, même avec son consentement. Elle est punie de sept ans "
     "d'emprisonnement.", "fr"),
])
def test_french_and_spanish_frames(text: str, language: str) -> None:
    frame = only(text, language)
    assert frame.framing in ("term", "provision")
    assert frame.acts and frame.purposes and not frame.means_required
    assert [c.role for c in frame.consent] == ["unscoped"]
    spec = {"all": ["acts", "open-purpose", "not required-means", "not child-only"], "any": ["names-trafficking"]}
    assert meets(spec, frame)


def test_spanish_means_condition_is_required_not_aggravating() -> None:
    frame = only("Artículo 145 bis.- El que captare, transportare o acogiere personas mayores de dieciocho años, "
                 "cuando mediare engaño, violencia o amenaza, con fines de explotación, será reprimido con "
                 "prisión de tres a seis años.", "es")
    assert frame.means_required


def test_packs_and_spec_validation() -> None:
    assert has_pack("fr") and has_pack("es-AR") and has_pack("de") and not has_pack("nl")
    assert lexicon_for("nl") is None and frames("Artikel 1. Mensenhandel is strafbaar.", "nl") == []
    assert check_spec({"all": ["acts", "not bogus"]}) is not None
    assert check_spec({"report": "consent", "any": [["movement", "sexual-purpose"]]}) is None


def test_missing_non_punishment_needs_a_law_that_creates_a_trafficking_offence() -> None:
    from lintlaw.api import lint_text

    findings_only = ("1. Congress finds that trafficking in persons is a modern form of slavery.\n\n"
                     "2. Trafficking in persons is a transnational crime.\n\n3. Many victims are trafficked.\n\n"
                     "4. Traffickers lure women with false promises.\n\n5. The Secretary shall report annually.\n")
    assert not [f for f in lint_text(findings_only, select=["LL118"]) if f.code == "LL118"]
    with_offence = findings_only + "\n6. Whoever commits trafficking in persons shall be punished with imprisonment.\n"
    assert [f for f in lint_text(with_offence, select=["LL118"]) if f.code == "LL118"]


def test_a_bad_needs_frame_block_is_a_rule_error(tmp_path) -> None:
    import shutil
    from pathlib import Path

    import pytest

    from lintlaw.engine import load_rules
    from lintlaw.errors import RuleError

    source = Path(__file__).resolve().parent.parent / "rules" / "victims" / "missing-non-punishment.yaml"
    folder = tmp_path / "mine" / "victims"
    folder.mkdir(parents=True)
    text = source.read_text(encoding="utf-8").replace("code: LL118", "code: ZZ118").replace(
        "name: missing-non-punishment", "name: my-absence").replace("all: [mentions-trafficking", "all: [bogus")
    (folder / "mine.yaml").write_text(text, encoding="utf-8")
    shutil.copytree(source.parent.parent / "lexicons", tmp_path / "mine" / "lexicons")
    with pytest.raises(RuleError, match="needs_frame"):
        load_rules([tmp_path / "mine"])
