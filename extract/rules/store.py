"""One rule set: every file of ``patterns/`` read and validated once, as typed tables.

:func:`rules` is the rule set of the patterns directory in use, loaded on first use; what the
mining modules build from it (matchers, compiled alternations) is kept by :func:`derived`, and the
memos of text normalisation by :func:`memo`. :func:`reset` forgets all of it at once, so that the
next use reads the rule files again (a test pointing ``EXTRACT_PATTERNS`` elsewhere, a long-lived
process starting afresh).
"""
from __future__ import annotations

import functools
import hashlib
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

from . import tables as t
from .date_rules import DateRules, compile_dates
from .files import patterns_dir

T = TypeVar("T")


@dataclass(slots=True, frozen=True)
class Rules:
    """The typed tables of every rule file of one patterns directory."""
    directory: Path
    digest: str                                  # sha1 over every rule file's path and bytes
    cues: tuple[t.Cue, ...]                      # claims.tsv
    scores: tuple[t.ScoreRule, ...]              # scores.tsv
    debris: tuple[t.DebrisRule, ...]             # debris.tsv
    schemes: tuple[t.Scheme, ...]                # schemes.tsv
    predicates: tuple[t.PredicateRule, ...]      # predicates.tsv
    grades: tuple[t.GradeRule, ...]              # grades.tsv
    ordinals: dict[str, int]                     # ordinals.tsv: word -> place
    ranks: tuple[t.RankRule, ...]                # ranks.tsv
    open_labels: tuple[t.OpenLabelRule, ...]     # open_labels.tsv
    grade_cues: tuple[str, ...]                  # grade_cues.txt
    generic_label_words: tuple[str, ...]         # generic_label_words.txt
    awarders: tuple[t.Awarder, ...]              # awarders.tsv
    dates: DateRules                             # dates.tsv
    languages: tuple[t.LanguageWords, ...]       # language.tsv
    abbreviations: frozenset[str]                # abbreviations.txt
    unit_heads: tuple[t.UnitHead, ...]           # units/heads.tsv
    agencies: tuple[t.NamedBody, ...]            # units/agencies.tsv
    regions: tuple[t.NamedBody, ...]             # units/regions.tsv
    spellings: tuple[tuple[str, str], ...]       # units/spellings.tsv: (variant, standard)
    unit_stopwords: tuple[str, ...]              # units/stopwords.txt
    after_place: tuple[str, ...]                 # units/after_place.txt
    unit_joiners: tuple[str, ...]                # units/joiners.txt
    unit_quantifiers: tuple[str, ...]            # units/quantifiers.txt
    unit_fillers: tuple[str, ...]                # units/fillers.txt
    region_leads: tuple[str, ...]                # units/region_leads.txt
    region_verbs: tuple[str, ...]                # units/region_verbs.txt
    list_leads: tuple[str, ...]                  # units/list_leads.txt
    unit_wrappers: tuple[str, ...]               # units/wrappers.txt
    region_offices: tuple[tuple[str, str], ...]  # units/region_offices.tsv: (office, region head)
    speech_verbs: tuple[tuple[str, str], ...]    # people/speech_verbs.tsv: (verb, position)
    titles: tuple[tuple[str, str], ...]          # people/titles.tsv: (kind, title)
    roles: tuple[str, ...]                       # people/roles.txt
    offices: tuple[str, ...]                     # people/offices.txt
    clause_weekdays: tuple[str, ...]             # people/clause_weekdays.txt
    clause_ends: tuple[str, ...]                 # people/clause_ends.txt
    pronouns: tuple[str, ...]                    # people/pronouns.txt
    connectives: tuple[str, ...]                 # people/connectives.txt
    name_openers: tuple[tuple[str, str], ...]    # people/name_openers.tsv: (opener, expansion)
    speaker_settings: tuple[str, ...]            # people/settings.txt
    places: tuple[tuple[str, str], ...]          # units/places.tsv: (role, word)

    @classmethod
    def load(cls, directory: Path, fallback: Path | None = None) -> "Rules":
        """Read and validate every rule file of ``directory``; a bad entry raises
        :class:`~extract.rules.files.PatternError` naming its file and line. With ``fallback``, the
        files ``directory`` lacks are read from there (a component's own tables over the rest)."""
        if fallback is not None:
            directory = _overlay(directory, fallback)
        words = functools.partial(t.read_word_list, directory)
        schemes = t.read_schemes(directory)
        predicates = t.read_predicates(directory, schemes)
        ordinals = t.read_ordinals(directory)
        return cls(
            directory=directory, digest=rules_digest(directory), cues=t.read_cues(directory),
            scores=t.read_score_rules(directory), debris=t.read_debris(directory), schemes=schemes,
            predicates=predicates, grades=t.read_grades(directory, predicates), ordinals=ordinals,
            ranks=t.read_ranks(directory, ordinals), open_labels=t.read_open_labels(directory), grade_cues=words("grade_cues.txt"),
            generic_label_words=words("generic_label_words.txt"),
            awarders=t.read_awarders(directory), dates=compile_dates(t.read_dates(directory)),
            languages=t.read_languages(directory), abbreviations=frozenset(words("abbreviations.txt")),
            unit_heads=t.read_unit_heads(directory), agencies=t.read_named(directory, "units/agencies.tsv"),
            regions=t.read_named(directory, "units/regions.tsv"),
            spellings=t.read_pairs(directory, "units/spellings.tsv", "variant", "standard"),
            unit_stopwords=words("units/stopwords.txt"), after_place=words("units/after_place.txt"),
            unit_joiners=words("units/joiners.txt"), unit_quantifiers=words("units/quantifiers.txt"),
            unit_fillers=words("units/fillers.txt"), region_leads=words("units/region_leads.txt"),
            region_verbs=words("units/region_verbs.txt"), list_leads=words("units/list_leads.txt"),
            unit_wrappers=words("units/wrappers.txt"),
            region_offices=t.read_pairs(directory, "units/region_offices.tsv", "office", "region_head"),
            speech_verbs=t.read_pairs(directory, "people/speech_verbs.tsv", "verb", "position"),
            titles=t.read_pairs(directory, "people/titles.tsv", "kind", "title"),
            roles=words("people/roles.txt"), offices=words("people/offices.txt"),
            clause_weekdays=words("people/clause_weekdays.txt"), clause_ends=words("people/clause_ends.txt"),
            pronouns=words("people/pronouns.txt"), connectives=words("people/connectives.txt"),
            name_openers=t.read_pairs(directory, "people/name_openers.tsv", "opener", "expansion"), speaker_settings=words("people/settings.txt"),
            places=t.read_places(directory),
        )


def _overlay(directory: Path, fallback: Path) -> Path:
    """A directory holding ``fallback``'s rule files with ``directory``'s in their place."""
    merged = Path(tempfile.mkdtemp(prefix="extract-rules-"))
    shutil.copytree(fallback, merged, dirs_exist_ok=True)
    shutil.copytree(directory, merged, dirs_exist_ok=True)
    return merged


def rules_digest(directory: Path) -> str:
    """A digest of every rule file under ``directory``, by relative path and content."""
    digest = hashlib.sha1()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest.update(path.relative_to(directory).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


_loaded: dict[Path, Rules] = {}       # the rule set of each patterns directory
_current: list[Rules] = []            # the one in use, until reset()
_derived: dict = {}                   # (builder, args) -> what it built from the rules in use
_memos: list = []                     # the text memos, cleared with the rules


def current() -> Rules:
    """The rule set of the patterns directory in use, loaded once."""
    if _current:
        return _current[0]
    directory = patterns_dir()
    if directory not in _loaded:
        _loaded[directory] = Rules.load(directory)
    _current.append(_loaded[directory])
    return _current[0]


rules = current


def reset() -> None:
    """Forget the loaded rules and everything built from them or remembered of texts."""
    _loaded.clear()
    _current.clear()
    _derived.clear()
    for cached in _memos:
        cached.cache_clear()


def derived(build: Callable[..., T]) -> Callable[..., T]:
    """``build(rules, *args)`` computed once per rule set and arguments, kept until :func:`reset`;
    of the rule set in use, or of the one given as ``rules=``."""
    @functools.wraps(build)
    def get(*args, rules: Rules | None = None):
        chosen = rules if rules is not None else (_current[0] if _current else current())
        key = (build, id(chosen), args)
        try:
            return _derived[key][1]
        except KeyError:
            value = build(chosen, *args)
            _derived[key] = (chosen, value)      # the rule set is kept, so its id is not reused
            return value

    get.cache_clear = lambda: [_derived.pop(k) for k in [k for k in _derived if k[0] is build]]
    return get


def memo(maxsize: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """A bounded memo of a function of texts, cleared by :func:`reset`."""
    def wrap(function: Callable[..., T]) -> Callable[..., T]:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        _memos.append(cached)
        return cached
    return wrap
