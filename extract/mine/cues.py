"""The cues of ``patterns/claims.tsv`` matched on an article's text: whether a stretch says a result
is hoped for, is an earlier one, names a list, points back, and so on (see :data:`CUE_KINDS`)."""
from __future__ import annotations

import regex

from ..rules.files import either
from ..rules.store import Rules, derived, memo
from ..rules.tables import CUE_KINDS

_LOOKING_BACK = ("aspiration", "via", "enumeration", "not_recipient")   # end at a mention ($); only whether they match counts


@derived
def cue_patterns(rules: Rules) -> dict[str, list[regex.Pattern]]:
    """Each kind's patterns; those that end where a mention starts are matched from their end
    (REVERSE): the same texts match, without trying every start before the mention."""
    groups: dict[str, list[regex.Pattern]] = {kind: [] for kind in CUE_KINDS}
    for cue in rules.cues:
        groups[cue.kind].append(regex.compile(cue.pattern.pattern, cue.pattern.flags | regex.REVERSE)
                                if cue.kind in _LOOKING_BACK else cue.pattern)
    return groups


@derived
def _either(rules: Rules, kind: str) -> regex.Pattern | None:
    """A kind's cues as one pattern, for asking whether any of them is in a text."""
    return either(cue_patterns(rules=rules)[kind])


@memo(1024)
def cue_in(kind: str, text: str) -> bool:
    """Whether a cue of ``kind`` is in ``text``. The rules ask this of the same stretch of an article
    several times; the answers are kept for the article at hand (cleared for each article)."""
    pattern = _either(kind)
    return pattern is not None and pattern.search(text) is not None


@derived
def _ids(rules: Rules, kind: str) -> tuple[str, ...]:
    """A kind's cue ids, in the order of :func:`cue_patterns`."""
    return tuple(cue.id for cue in rules.cues if cue.kind == kind)


@memo(1024)
def cue_ids(kind: str, text: str) -> tuple[str, ...]:
    """The ids of the cues of ``kind`` in ``text`` (``cue.award.obtained``), in the order of claims.tsv:
    what a claim records of the cues that made it. Kept for the article at hand, as :func:`cue_in`."""
    return tuple(rule_id for rule_id, pattern in zip(_ids(kind), cue_patterns()[kind]) if pattern.search(text))
