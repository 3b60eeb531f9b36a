"""A government's results pass to the unit it obtained them through.

"Pemprov Bengkulu meraih penghargaan ... melalui Samsat Provinsi Bengkulu": the article names the
government as the winner and, in a sentence of its own, the unit of that region through which it
won. The unit is the recipient; the government's claims of the same scheme are the unit's.
"""
from __future__ import annotations

from dataclasses import replace

from ..records import Claim, Mention
from .cues import cue_in
from .unit_names import place_in, unit_parts

_GOVERNMENT = "Pemerintah "


def through_units(text: str, units: list[Mention], canonical: dict[str, str]) -> list[str]:
    """The canonical names of the units the article says something was obtained through (melalui X)."""
    return list(dict.fromkeys(canonical.get(u.value, u.value) for u in units
                              if u.value and cue_in("via", text[max(0, u.start - 40):u.start])))


def to_agents(claims: list[Claim], agents: list[str]) -> list[Claim]:
    """Each claim of a regional government given to the one unit of its region it acted through.

    >>> from extract.records import Claim
    >>> c = Claim("a", "Pemerintah Provinsi Bengkulu", "Pemprov Bengkulu", "Pelayanan Prima", "A", "PEKPPP",
    ...           "KemenPANRB", None, None, 2022, None, "", 0, 0, "r")
    >>> [x.unit for x in to_agents([c], ["Samsat Provinsi Bengkulu"])]
    ['Samsat Provinsi Bengkulu']
    >>> [x.unit for x in to_agents([c], ["Samsat Provinsi Jambi"])]
    ['Pemerintah Provinsi Bengkulu']
    """
    out: list[Claim] = []
    for claim in claims:
        agent = _agent_of(claim.unit, agents) if claim.unit.startswith(_GOVERNMENT) else None
        moved = replace(claim, unit=agent) if agent else claim
        if not any(c.unit == moved.unit and c.predicate == moved.predicate and c.year == moved.year for c in out):
            out.append(moved)
    return out


def _agent_of(government: str, agents: list[str]) -> str | None:
    place = place_in(unit_parts(government)[2])
    same = [a for a in agents if not a.startswith(_GOVERNMENT) and place and place_in(unit_parts(a)[2]) == place]
    return same[0] if len(same) == 1 else None
