"""Public addresses of the documents that rules cite, so every output can link a rule's sources.

A rule's ``sources`` entry may carry its own ``url``; otherwise the address comes from this
table, keyed by the start of the source's title. Only documents with a stable public address
are listed (UN document symbols resolve through undocs.org); anything else is shown unlinked.
"""

from __future__ import annotations

from typing import Any, Mapping

PUBLIC_SOURCES: tuple[tuple[str, str], ...] = (
    ("Protocol to Prevent, Suppress and Punish Trafficking in Persons",
     "https://www.ohchr.org/en/instruments-mechanisms/instruments/"
     "protocol-prevent-suppress-and-punish-trafficking-persons"),
    ("UN General Assembly, Interpretative notes", "https://undocs.org/A/55/383/Add.1"),
    ("OHCHR, Recommended Principles and Guidelines on Human Rights and Human Trafficking",
     "https://undocs.org/E/2002/68/Add.1"),
    ("Council of Europe Convention on Action against Trafficking in Human Beings",
     "https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=197"),
    ("Convention on the Rights of the Child",
     "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-child"),
    ("Amnesty International, Policy on State Obligations",
     "https://www.amnesty.org/en/documents/pol30/4062/2016/en/"),
    ("UNODC, Model Law against Trafficking in Persons",
     "https://www.unodc.org/documents/human-trafficking/UNODC_Model_Law_on_Trafficking_in_Persons.pdf"),
    ("US Supreme Court, Agency for International Development v. Alliance for Open Society International",
     "https://supreme.justia.com/cases/federal/us/570/205/"),
)


def source_url(source: Mapping[str, Any]) -> str:
    """The source's own ``url``, else its public address from :data:`PUBLIC_SOURCES`, else ``""``."""
    own = str(source.get("url") or "").strip()
    if own:
        return own
    title = str(source.get("title") or "")
    return next((url for prefix, url in PUBLIC_SOURCES if title.startswith(prefix)), "")
