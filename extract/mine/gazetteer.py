"""Find many literal phrases in text fast: the gazetteer matcher the rule modules share.

A large alternation of literal phrases is a slow case for a backtracking
engine with case-insensitive matching; lower-casing the text once and matching
case-sensitively with the standard library's ``re`` is about ten times faster.
Phrases match as whole words; white space inside a phrase matches any run of
white space; the longest phrase at a position wins. A phrase written with no
lower-case letter (an acronym: ``MA``, ``KPK``) can be required to match its
case exactly, and others to start with a capital (unit names), by ``case``.

>>> m = GazetteerMatcher(["pelayanan prima", "layanan prima", "KPK"], case="acronyms")
>>> [(text, key) for _, _, text, key in m.finditer("Raih Layanan Prima dari kpk dan KPK")]
[('Layanan Prima', 'layanan prima'), ('KPK', 'kpk')]
"""
from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator

from ..rules.store import memo
from ..rules.trie import trie_pattern


@memo(8)
def lowered(text: str) -> str:
    """``text`` in lower case, character for character (offsets stay valid); cached, since the
    matchers of one article all search the same text."""
    lower = text.lower()
    return lower if len(lower) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class TextMemo:
    """What was found in each of the last texts asked about, the short ones (names, sentences) apart
    from the long ones (articles), so that asking about many names does not push out the articles.
    Articles are mined in batches, stage by stage: ``KEPT_ARTICLES`` holds at least a batch
    (:data:`extract.runner.shards.BATCH_RECORDS`), so a later stage finds what an earlier one found.

    >>> memo = TextMemo()
    >>> memo.put("x" * 500, 1); memo.put("kata", 2); memo.get("x" * 500), memo.get("kata"), memo.get("y")
    (1, 2, None)
    """

    KEPT_SHORT = 8
    KEPT_ARTICLES = 128
    LONG = 400          # characters from which a text is an article, or most of one

    __slots__ = ("_short", "_long")

    def __init__(self) -> None:
        self._short: dict[str, object] = {}
        self._long: dict[str, object] = {}

    def get(self, text: str):
        return (self._long if len(text) >= self.LONG else self._short).get(text)

    def put(self, text: str, value) -> None:
        kept, size = (self._long, self.KEPT_ARTICLES) if len(text) >= self.LONG else (self._short, self.KEPT_SHORT)
        if len(kept) >= size:
            del kept[next(iter(kept))]
        kept[text] = value


def _is_acronym(phrase: str) -> bool:
    return not any(c.islower() for c in phrase)


class GazetteerMatcher:
    """Whole-word matches of literal phrases, ignoring case except where ``case`` says.

    ``case``: ``"any"`` (default) ignores case; ``"acronyms"`` makes acronyms match
    exactly; ``"names"`` also requires other phrases to start with a capital.

    The phrases of a text are found once, every position where one starts (so
    that ``search`` and ``match`` at any position are look-ups), and kept for
    the last texts (:class:`TextMemo`): the rule modules ask about one article
    many times.
    """

    def __init__(self, phrases: Iterable[str], case: str = "any", after: str = r"(?!\w)"):
        self.spelled: dict[str, str] = {}
        for phrase in phrases:
            self.spelled.setdefault(" ".join(phrase.lower().split()), phrase)
        self._pattern = re.compile(r"(?<!\w)" + trie_pattern(self.spelled) + after) if self.spelled else None
        self.case = case
        self._acronyms = {key: spelled for key, spelled in self.spelled.items() if _is_acronym(spelled)}
        self._found = TextMemo()

    def key(self, surface: str) -> str:
        """The phrase a matched surface stands for, as a lower-cased key."""
        return " ".join(surface.lower().split())

    def _accepts(self, text: str, start: int, end: int, key: str) -> bool:
        if self.case == "any":
            return True
        acronym = self._acronyms.get(key)
        if acronym is not None:
            return text[start:end] == acronym
        return self.case != "names" or text[start].isupper()

    def _phrases(self, text: str) -> tuple[list[int], dict[int, tuple[int, int, str]]]:
        """Every position of ``text`` where an accepted phrase starts (overlapping ones too), with the
        (start, end, key) found there; computed once for each of the last few texts."""
        found = self._found.get(text)
        if found is not None:
            return found
        starts: list[int] = []
        at: dict[int, tuple[int, int, str]] = {}
        if self._pattern is not None:
            lower, pos = lowered(text), 0
            while match := self._pattern.search(lower, pos):
                start, end = match.span()
                pos = start + 1
                if self.case == "names" and text[start].islower():
                    continue                  # neither a name nor an acronym starts in lower case
                key = self.key(match.group(0))
                if self._accepts(text, start, end, key):
                    starts.append(start)
                    at[start] = (start, end, key)
        found = (starts, at)
        self._found.put(text, found)
        return found

    def match(self, text: str, pos: int = 0) -> tuple[int, int, str] | None:
        """The phrase starting at ``pos``, as (start, end, key), or None."""
        if self._pattern is None:
            return None
        known = self._found.get(text)
        if known is not None:
            return known[1].get(pos)
        found = self._pattern.match(lowered(text), pos)   # a text asked about once: no need to find all
        if found and self._accepts(text, found.start(), found.end(), self.key(found.group(0))):
            return found.start(), found.end(), self.key(found.group(0))
        return None

    def search(self, text: str, pos: int = 0) -> tuple[int, int, str] | None:
        """The first phrase at or after ``pos``."""
        starts, at = self._phrases(text)
        index = bisect.bisect_left(starts, pos)
        return at[starts[index]] if index < len(starts) else None

    def finditer(self, text: str) -> Iterator[tuple[int, int, str, str]]:
        """Every non-overlapping phrase, left to right: (start, end, surface, key)."""
        pos = 0
        while found := self.search(text, pos):
            start, end, key = found
            yield start, end, text[start:end], key
            pos = end
