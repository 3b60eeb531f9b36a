"""Rule files load, and a bad entry is reported with its file and line."""
from __future__ import annotations

import shutil

import pytest

from extract.rules.files import PatternError, patterns_dir


def _reset_caches():
    from extract.rules.store import reset
    reset()


@pytest.fixture
def patterns_copy(tmp_path, monkeypatch):
    copy = tmp_path / "patterns"
    shutil.copytree(patterns_dir(), copy)
    monkeypatch.setenv("EXTRACT_PATTERNS", str(copy))
    _reset_caches()
    yield copy
    monkeypatch.delenv("EXTRACT_PATTERNS")
    _reset_caches()


def test_every_rule_file_has_a_provenance_note():
    for path in patterns_dir().rglob("*"):
        if path.is_file() and path.suffix in (".tsv", ".txt"):
            assert path.read_text(encoding="utf-8").startswith("#"), f"{path} has no note on its source"


def test_cue_ids_name_the_cue_not_its_row():
    from extract.rules.store import Rules
    ids = [cue.id for cue in Rules.load(patterns_dir()).cues]
    assert ids and all(rule_id.startswith("cue.") and not rule_id[-1].isdigit() for rule_id in ids)


def test_all_rules_load():
    from extract.rules.store import Rules
    rules = Rules.load(patterns_dir())
    assert rules.cues and rules.schemes and rules.predicates and rules.unit_heads and rules.speech_verbs
    assert len(rules.digest) == 40


@pytest.mark.parametrize("file, bad_line, message", [
    ("debris.tsv", "cut_from\t(unclosed", "bad regex"),
    ("debris.tsv", "explode\tBaca", "unknown action"),
    ("predicates.tsv", "predicate.noscheme.99\tNOSCHEME\tLabel\t\t\t\tphrase", "unknown scheme"),
    ("scores.tsv", "score.cue.9\tstrong\tcue\t[", "bad regex"),
    ("dates.tsv", "pattern\tdate.bad\t(?P<day>", "bad date pattern"),
    ("units/heads.tsv", "Dinas Baru", "empty required field"),
    ("units/heads.tsv", "Dinas Baru\tregional\tno\t\textra", "expected 4 TAB-separated fields"),
    ("units/heads.tsv", "Dinas Baru\tregional\tperhaps\t", "standalone must be yes or no"),
    ("claims.tsv", "cue.wish.hoped\twish\tmenuju", "unknown kind"),
    ("claims.tsv", "cue.award.obtained\taward\tmeraih", "used twice"),
    ("claims.tsv", "cue.via.other\taward\tmeraih", "bad id"),
    ("claims.tsv", "Cue Award\taward\tmeraih", "bad id"),
    ("claims.tsv", "\taward\tmeraih", "empty required field"),
    ("predicates.tsv", "predicate.pekppp.1\tPEKPPP\tLabel\t\t\t\tfrasa baru", "used twice"),
    ("predicates.tsv", "predicate.kip.99\tPEKPPP\tLabel\t\t\t\tfrasa baru", "bad id"),
    ("predicates.tsv", "\tPEKPPP\tLabel\t\t\t\tfrasa baru", "empty required field"),
    ("units/places.tsv", "harbour\tPelabuhan", "unknown role"),
], ids=["debris-regex", "debris-action", "predicate-scheme", "score-regex", "date-regex", "heads-empty",
     "heads-fields", "heads-flag", "claims-kind", "claims-id-twice", "claims-id-other-kind", "claims-id-shape",
     "claims-id-missing", "predicate-id-twice", "predicate-id-other-scheme", "predicate-id-missing",
     "places-role"])
def test_bad_entry_names_file_and_line(patterns_copy, file, bad_line, message):
    path = patterns_copy / file
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(bad_line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from extract.runner.stages import mine
    from extract.records import Article
    article = Article("x", "t", None, None, None, None, None, "id",
                      "Pemkot Palembang meraih predikat Pelayanan Prima dengan nilai 4,6 pada 8 Maret 2022.")
    with pytest.raises(PatternError) as error:
        from extract.read.debris import clean_text
        clean_text("Isi.")
        mine(article)
    assert error.value.path.endswith(file)
    assert error.value.line == len(lines)
    assert message in str(error.value)


DEBRIS_CASES = [
    ("inline Baca Juga", "Isi pertama.\nBaca Juga: Pemkab X Raih WBK\nIsi kedua.", "Isi pertama.\nIsi kedua."),
    ("Baca Juga alone, headline below", "Isi pertama.\nBaca Juga\nPemkab X Raih WBK\nIsi kedua.",
     "Isi pertama.\nIsi kedua."),
    ("Tags alone above the tags", "Isi pertama.\nTags\nketerbukaan informasi\nTemanggung", "Isi pertama."),
    ("Tags: on one line", "Isi pertama.\nTags: WBK, Polres", "Isi pertama."),
    ("a sentence mentioning tags stays", "Isi pertama.\nTags di media sosial ramai.", "Isi pertama.\nTags di media sosial ramai."),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in DEBRIS_CASES], ids=[c[0] for c in DEBRIS_CASES])
def test_debris_rules(text, expected):
    from extract.read.debris import clean_text
    assert clean_text(text) == expected
