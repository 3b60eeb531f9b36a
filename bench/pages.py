"""Pages for the benchmark: a month of a few Indonesian portals, a few percent of it about awards.

The page templates are the corpus's real pages (``corpus/html``: about thirty outlets and
government sites, AMP and desktop, WordPress and hand-made). A template is made neutral once:
every text of its navigation, sidebars and footer becomes ordinary words, its JSON-LD and meta
descriptions go, its links point to ordinary slugs; what was its article becomes a slot. A
template whose slot trafilatura does not read as the article is left out.

- **Ordinary news** (most pages): a template with an invented article (politics, sport,
  entertainment, economy, local news) of 6-16 paragraphs drawn from sentence patterns with names,
  places, teams and numbers of their own, so that no two bodies are alike; a related list of
  ordinary headlines, and scripts and ad slots up to the size of a real portal page (50-300 KB).
  As in real news, a few of them use words the relevance gate passes (a politics story about
  KPK, an economy story quoting the Minister of Finance, a "sangat baik" in a quote, a "Top 10"
  in entertainment, an award headline among the related ones); those go the whole way.
- **Award articles** (``award_share``, 3 %): the corpus pages themselves, and the award texts of
  the corpus (text files, JSON Lines records) and the real articles of ``../shared/dev`` and
  ``../shared/seeds`` (some twenty outlets; when there) in a neutral template, each with other
  numbers and places (:func:`vary`) so that none repeats.

Every page has its own URL (canonical link and ``og:url``) and its own body. ``manifest.json``
in the output directory lists each page's kind, with a digest of this generator: pages made by
another version of it are made again.
"""
from __future__ import annotations

import hashlib
import html as entities
import json
import random
from pathlib import Path

import lxml.html
import regex

from bench import news

_NUMBER = regex.compile(r"(?<=[\s(>/])\d{1,3}(?:[.,]\d{1,2})?(?=[\s,.)</])")   # "14/12/2023" too
_REGION = regex.compile(r"\b(Kota|Kabupaten|Provinsi|Pemkot|Pemkab|Kab\.)\s+(\p{Lu}\p{Ll}+)", regex.VERSION1)
_PLACES = ["Sleman", "Bantul", "Banyuwangi", "Sidoarjo", "Gowa", "Badung", "Kudus", "Blora", "Lahat", "Bogor",
           "Kendal", "Jepara", "Sumedang", "Garut", "Tabanan", "Maros", "Bone", "Pati", "Klaten", "Magelang"]
_MARK = "@@{}@@"
_KEPT_ATTRIBUTES = {"class", "id", "style", "width", "height", "layout", "rel", "type", "charset", "name", "property",
                    "lang", "http-equiv", "itemprop", "itemscope", "itemtype", "datetime", "async", "defer", "role"}


def vary(html: str, rng: random.Random) -> str:
    """Another article of the same kind: other numbers and other places in the text."""
    html = _NUMBER.sub(lambda m: _other_number(m.group(0), rng), html)
    return _REGION.sub(lambda m: f"{m.group(1)} {rng.choice(_PLACES)}", html)


def _other_number(number: str, rng: random.Random) -> str:
    if "," in number or "." in number:
        whole, _, decimals = number.replace(".", ",").partition(",")
        return f"{rng.randrange(1, 100) if len(whole) > 1 else rng.randrange(1, 5)},{rng.randrange(10 ** len(decimals)):0{len(decimals)}d}"
    return str(rng.randrange(1, 10 ** len(number)))


def _with_url(html: str, url: str, number: int) -> str:
    """Every URL of the page its own (the canonical link is not always among the first few)."""
    html = regex.sub(r'(https?://[^"\'\s]+?)(\.html|/)?(["\'])',
                     lambda m: f"{m.group(1)}-b{number}{m.group(2) or ''}{m.group(3)}", html)
    return html.replace(_MARK.format("URL"), url)


def _article_box(root) -> object:
    """The element holding the article: the one with the most paragraphs of its own."""
    return max(root.iter(), key=lambda e: sum(1 for c in e if c.tag == "p"))


def neutral_template(page: str, rng: random.Random) -> str:
    """A corpus page as a template: its texts ordinary words, its article and head fields slots."""
    root = lxml.html.fromstring(page)
    box = _article_box(root)
    for paragraph in [c for c in box if c.tag == "p"][1:]:
        box.remove(paragraph)
    first = next(c for c in box if c.tag == "p")
    first.clear()
    first.tag, first.text = "div", _MARK.format("BODY")
    for script in root.iter("script"):
        if script.get("type") == "application/ld+json":
            script.text = "{}"
        elif script.text and script.text.strip():
            script.text = news.script(rng, len(script.text))[len("<script>"):-len("</script>")]
    for element in root.iter():
        if not isinstance(element.tag, str) or element is first:
            continue
        if element.tag not in ("script", "style") and element.text and element.text.strip():
            element.text = news.filler(rng, element.text)
        if element.tail and element.tail.strip():
            element.tail = news.filler(rng, element.tail)
        for name, value in element.attrib.items():
            if name in ("href", "src", "srcset", "action", "data-src", "poster"):
                element.set(name, f"https://{rng.choice(news.HOSTS)}/{rng.choice(news.SECTIONS)}/{news.slug(rng)}")
            elif name not in _KEPT_ATTRIBUTES and not (element.tag == "meta" and name == "content"):
                element.set(name, news.filler(rng, value))
        if element.tag == "meta" and element.get("content"):
            key = (element.get("property") or element.get("name") or "").lower()
            if key in ("og:url", "twitter:url"):
                element.set("content", _MARK.format("URL"))
            elif "published" in key or key in ("date", "pubdate"):
                element.set("content", _MARK.format("DATE"))
            elif key and not key.startswith(("viewport", "robots", "og:type", "charset")):
                element.set("content", _MARK.format("TITLE"))
        if element.tag == "link" and "canonical" in (element.get("rel") or ""):
            element.set("href", _MARK.format("URL"))
        if element.tag in ("title", "h1"):
            element.text = _MARK.format("TITLE")
    return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")


def _padding(rng: random.Random, size: int, target: int, headlines) -> str:
    blocks = []
    while size < target:
        block = rng.choice([news.related(rng, rng.randrange(8, 30), headlines), news.script(rng, rng.randrange(2000, 12000)),
                            '<div class="ad-slot" data-ad="' + "x" * rng.randrange(200, 2000) + '"></div>'])
        blocks.append(block)
        size += len(block.encode())
    return "".join(blocks)


def _fill(template: str, rng: random.Random, number: int, title: str, paragraphs: list[str], date: str) -> str:
    url = f"https://{rng.choice(news.HOSTS)}/{rng.choice(news.SECTIONS)}/{date[:10].replace('-', '/')}/{number}-{news.slug(rng, title)}"
    body = "".join(f"<p>{entities.escape(p, quote=False)}</p>" for p in paragraphs)
    page = template.replace(_MARK.format("BODY"), body).replace(_MARK.format("TITLE"), entities.escape(title))
    page = page.replace(_MARK.format("DATE"), date).replace(_MARK.format("URL"), url)
    head, _, tail = page.rpartition("</body>")
    headlines = news.award_headline if rng.random() < news.STRAY["award_headline"] else None
    return head + _padding(rng, len(page.encode()), rng.randrange(50_000, 300_000), headlines) + "</body>" + tail


def _holds_body(template: str, rng: random.Random) -> bool:
    """Whether trafilatura finds the article put in ``template``'s slot: some templates' slot is in
    an element it passes over, and every page made from them would read as the same filler."""
    from trafilatura import extract

    _, title, paragraphs = news.article(random.Random(rng.random()))
    text = extract(_fill(template, random.Random(0), 0, title, paragraphs, "2023-01-01")) or ""
    return paragraphs[-1][:60] in text


def _award_texts(root: Path) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of every award text: the corpus's text files and records, the texts of
    ``../shared/dev`` and ``../shared/seeds`` (when there)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "corpus" / "text").glob("*.txt"))]
    for line in (root / "corpus" / "feeds" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("text"):
            texts.append(f"{record.get('title') or ''}\n{record['text']}")
    for real in (root.parent / "shared" / "dev" / "texts", root.parent / "shared" / "seeds"):
        texts += [p.read_text(encoding="utf-8") for p in sorted(real.glob("*.txt"))]
    found = []
    for text in texts:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        title = next((line for line in lines if len(line.split()) >= 4), lines[0])   # not a byline ("Penulis :")
        found.append((title, [line for line in lines if line is not title]))
    return found


def _version(award_share: float, seed: int) -> str:
    """What the pages are made from and by: a cache made otherwise is made again."""
    digest = hashlib.sha1(f"{award_share}:{seed}".encode())
    for path in (Path(__file__), Path(news.__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def generate_mix(root: Path, out: Path, count: int, award_share: float = 0.03, seed: int = 11) -> list[tuple[Path, str]]:
    """Write ``count`` pages under ``out`` (reused when there) and return (path, kind) of each: kind is
    ``award`` or the topic of an ordinary page."""
    manifest, version = out / "manifest.json", _version(award_share, seed)
    if manifest.exists():
        made = json.loads(manifest.read_text())
        if made.get("version") == version and len(made["pages"]) >= count:
            return [(out / name, kind) for name, kind in list(made["pages"].items())[:count]]
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    pages = [p.read_bytes().decode("utf-8", errors="replace") for p in sorted((root / "corpus" / "html").glob("*.html"))]
    templates = [t for t in (neutral_template(page, rng) for page in pages) if _holds_body(t, rng)]
    award_texts = _award_texts(root)
    kinds: dict[str, str] = {}
    awards = 0
    for number in range(count):
        name = f"page-{number:06d}.html"
        date = f"2023-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}T{rng.randrange(6, 23):02d}:00:00+07:00"
        if awards < round((number + 1) * award_share):
            awards += 1
            if awards % 2:
                html = _with_url(vary(pages[awards // 2 % len(pages)], rng), "", number)
                head, _, tail = html.rpartition("</body>")
                html = head + _padding(rng, len(html.encode()), rng.randrange(50_000, 300_000), None) + "</body>" + tail
            else:
                title, paragraphs = award_texts[awards // 2 % len(award_texts)]
                html = _fill(rng.choice(templates), rng, number, vary(title, rng), [vary(p, rng) for p in paragraphs], date)
            kinds[name] = "award"
        else:
            topic, title, paragraphs = news.article(rng)
            html = _fill(rng.choice(templates), rng, number, title, paragraphs, date)
            kinds[name] = topic
        (out / name).write_text(html, encoding="utf-8")
    manifest.write_text(json.dumps({"version": version, "pages": kinds}))
    return [(out / name, kind) for name, kind in kinds.items()]
