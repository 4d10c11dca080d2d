"""The Palermo Protocol as data, and laws compared with it (or with each other).

- :mod:`.reference` — the Protocol's provisions and Art. 3(a) elements, from ``corpus/reference/``;
- :mod:`.lexicon` — element phrases matched on lemmas; :mod:`.elements` — the element profile
  of one provision; :mod:`.consent`, :mod:`.ages`, :mod:`.victims` — Art. 3(b), (d) and scope;
- :mod:`.locate` — trafficking definitions and offences, and what they refer to;
- :mod:`.analysis` — every such provision of a document; :mod:`.articles` — article coverage;
- :mod:`.redline` — word diff; :mod:`.align` and :mod:`.against` — law against law;
- :mod:`.findings` — departures as ``Finding`` objects; :mod:`.compare` — one law against the
  Protocol; :mod:`.run` — files in, results out (what the CLI calls); :mod:`.render` — reports.
"""

from lintlaw.protocol.compare import SCHEMA_VERSION, Comparison, compare_document, compare_outline
from lintlaw.protocol.reference import Reference, load_reference

__all__ = ["SCHEMA_VERSION", "Comparison", "Reference", "compare_document", "compare_outline", "load_reference"]
