"""Which of an article's names of a unit a result belongs to.

"Pemprov Bengkulu meraih penghargaan ... melalui Samsat Provinsi Bengkulu": the article names the
government as the winner and, in a sentence of its own, the unit of that region through which it
won. The unit is the recipient; the government's claims of the same scheme are the unit's.
"Samsat Manokwari meraih A+ ... Yakni Samsat DKI, ..., dan Papua Barat": a list names the
province's unit of the type the article is about by its province; it is the one unit of that type
the article names in a kabupaten or kota of that province.
"""
from __future__ import annotations

from dataclasses import replace

from ..records import Claim, Mention
from .cues import cue_in
from .unit_lexicon import lexicon
from .unit_names import place_in, unit_parts

_GOVERNMENT = "Pemerintah "
_KIND_WORDS = {"provinsi", "prov", "kab", "kota"}   # unit_parts writes "kabupaten" as "kab"


def through_units(text: str, units: list[Mention], canonical: dict[str, str]) -> list[str]:
    """The canonical names of the units the article says something was obtained through (melalui X)."""
    return list(dict.fromkeys(canonical.get(u.value, u.value) for u in units
                              if u.value and cue_in("via", text[max(0, u.start - 40):u.start])))


def to_agents(claims: list[Claim], agents: list[str]) -> list[Claim]:
    """Each claim of a regional government given to the one unit of its region it acted through (the
    caller merges a claim the unit then has twice).

    >>> from extract.records import Claim
    >>> c = Claim("a", "Pemerintah Provinsi Bengkulu", "Pemprov Bengkulu", "Pelayanan Prima", "A", "PEKPPP",
    ...           "KemenPANRB", None, None, 2022, None, "", 0, 0, "r")
    >>> [x.unit for x in to_agents([c], ["Samsat Provinsi Bengkulu"])]
    ['Samsat Provinsi Bengkulu']
    >>> [x.unit for x in to_agents([c], ["Samsat Provinsi Jambi"])]
    ['Pemerintah Provinsi Bengkulu']
    """
    return [replace(c, unit=agent) if c.unit.startswith(_GOVERNMENT) and (agent := _agent_of(c.unit, agents)) else c
            for c in claims]


def to_local_units(claims: list[Claim]) -> list[Claim]:
    """A claim of a unit named by its province given to the one unit of its type that the article's
    claims name in a kabupaten or kota of that province.

    >>> from extract.records import Claim
    >>> c = lambda unit: Claim("a", unit, unit, "Pelayanan Prima", "A", "PEKPPP", "KemenPANRB", None, None,
    ...                        2022, None, "", 0, 0, "r")
    >>> [x.unit for x in to_local_units([c("Samsat Manokwari"), c("Samsat Papua Barat"), c("Samsat Bali")])]
    ['Samsat Manokwari', 'Samsat Manokwari', 'Samsat Bali']
    >>> [x.unit for x in to_local_units([c("Dinas Sosial Kota Semarang"), c("Dinas Sosial Provinsi Jawa Tengah")])]
    ['Dinas Sosial Kota Semarang', 'Dinas Sosial Provinsi Jawa Tengah']
    """
    province_of = lexicon().province_of
    parts = {c.unit: unit_parts(c.unit) for c in claims}
    local: dict[tuple[str, str], set[str]] = {}
    for unit, (kind, _, words) in parts.items():
        place = place_in(words)
        if place in province_of and not _KIND_WORDS & set(words):   # named by its town alone: "Samsat Manokwari"
            local.setdefault((kind, province_of[place]), set()).add(unit)
    moved = []
    for claim in claims:
        kind, _, words = parts[claim.unit]
        by_province = not claim.unit.startswith(_GOVERNMENT) and not _KIND_WORDS & set(words)   # not "... Provinsi X"
        units = local.get((kind, place_in(words) or ""), set()) if by_province else set()
        moved.append(replace(claim, unit=next(iter(units))) if len(units) == 1 else claim)
    return moved


def _agent_of(government: str, agents: list[str]) -> str | None:
    place = place_in(unit_parts(government)[2])
    same = [a for a in agents if not a.startswith(_GOVERNMENT) and place and place_in(unit_parts(a)[2]) == place]
    return same[0] if len(same) == 1 else None
