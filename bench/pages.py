"""Generate realistic news pages for the benchmark from the corpus pages.

Each page is a corpus page with its boilerplate grown to the size of a real
portal page (50-300 KB): more related lists, inline scripts, ad slots; its
canonical URL is made unique, and its numbers and places are changed so that
no two pages share a body (caches must not make the pipeline look faster than
it is on real, never-repeating text). The sentences are the corpus's, so
extraction still has real work to do.
"""
from __future__ import annotations

import random
from pathlib import Path

import regex

HEADLINES = [
    "Pemkab {r} Raih Predikat Kepatuhan Tinggi dari Ombudsman", "Harga Cabai di Pasar {r} Naik Lagi",
    "Polres {r} Gelar Operasi Zebra Pekan Depan", "Disdukcapil {r} Buka Layanan Akhir Pekan",
    "Banjir Rendam Tiga Kecamatan di {r}", "MPP {r} Tambah Gerai Layanan Paspor",
    "Bupati {r} Resmikan Jembatan Baru", "Festival Kuliner {r} Dipadati Pengunjung",
]
REGIONS = ["Sleman", "Bantul", "Banyuwangi", "Sidoarjo", "Gowa", "Badung", "Kudus", "Blora", "Lahat", "Bogor"]


def _related(rng: random.Random, n: int) -> str:
    items = "".join(f'<li><a href="/berita/{rng.randrange(10**7)}">{rng.choice(HEADLINES).format(r=rng.choice(REGIONS))}</a>'
                    f'<span class="date">{rng.randrange(1, 28)} Maret 2023</span></li>' for _ in range(n))
    return f'<div class="related"><h3>Berita Terkait</h3><ul>{items}</ul></div>'


def _script(rng: random.Random, size: int) -> str:
    words = ["window.dataLayer", "push", "function", "return", "var", "adSlot", "googletag", "cmd", "display"]
    body = " ".join(rng.choice(words) + f"({rng.randrange(10**6)});" for _ in range(size // 12))
    return f"<script>{body}</script>"


_NUMBER = regex.compile(r"(?<=[\s(>])\d{1,3}(?:[.,]\d{1,2})?(?=[\s,.)<])")
_REGION = regex.compile(r"\b(Kota|Kabupaten|Provinsi|Pemkot|Pemkab|Kab\.)\s+(\p{Lu}\p{Ll}+)", regex.VERSION1)
_PLACES = ["Sleman", "Bantul", "Banyuwangi", "Sidoarjo", "Gowa", "Badung", "Kudus", "Blora", "Lahat", "Bogor",
           "Kendal", "Jepara", "Sumedang", "Garut", "Tabanan", "Maros", "Bone", "Pati", "Klaten", "Magelang"]


def vary(html: str, rng: random.Random) -> str:
    """Another article of the same kind: other numbers and other places in the text, so that
    no two generated pages have the same body (and no cache sees the same text twice)."""
    html = _NUMBER.sub(lambda m: _other_number(m.group(0), rng), html)
    return _REGION.sub(lambda m: f"{m.group(1)} {rng.choice(_PLACES)}", html)


def _other_number(number: str, rng: random.Random) -> str:
    if "," in number or "." in number:
        whole, _, decimals = number.replace(".", ",").partition(",")
        return f"{rng.randrange(1, 100) if len(whole) > 1 else rng.randrange(1, 5)},{rng.randrange(10 ** len(decimals)):0{len(decimals)}d}"
    return str(rng.randrange(1, 10 ** len(number)))


def grow(html: str, rng: random.Random, target: int, number: int) -> str:
    """The page varied, with boilerplate added until it is about ``target`` bytes, and a unique URL."""
    html = vary(html, rng)
    html = regex.sub(r'(https?://[^"\'\s]+?)(\.html|/)?(["\'])', lambda m: f"{m.group(1)}-b{number}{m.group(2) or ''}{m.group(3)}",
                     html)   # every URL: the canonical link is not always among the first few
    blocks = []
    size = len(html.encode())
    while size < target:
        block = rng.choice([_related(rng, rng.randrange(8, 30)), _script(rng, rng.randrange(2000, 12000)),
                            '<div class="ad-slot" data-ad="' + "x" * rng.randrange(200, 2000) + '"></div>'])
        blocks.append(block)
        size += len(block.encode())
    head, _, tail = html.partition("</body>")
    return head + "".join(blocks) + "</body>" + tail


def generate(corpus: Path, out: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` pages under ``out`` (reused when already there) and return their paths."""
    templates = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((corpus / "html").glob("*.html"))]
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        path = out / f"page-{number:06d}.html"
        target = rng.randrange(50_000, 300_000)
        template = templates[number % len(templates)]
        if not path.exists():
            path.write_text(grow(template, rng, target, number), encoding="utf-8")
        paths.append(path)
    return paths
