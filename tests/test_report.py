"""The HTML report of a small run (tests/conftest.py's FEED), read as text and opened in a real
headless Chromium: sorting, filtering, the CSV of the rows in view, the quote and speaker of a
claim, the inputs that failed, and the layout at 1280 and 400 px (screenshots kept as artifacts)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import lxml.html
import pandas as pd
import pytest

from extract import write_report
from tests.conftest import FEED, ROOT, run_cli

ARTIFACTS = Path(os.environ.get("EXTRACT_TEST_ARTIFACTS", ROOT / "test-artifacts"))


@pytest.fixture(scope="module")
def page(factcheck_run, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    run_cli("report", str(factcheck_run), "-o", str(out), "--title", "Fact-check test")
    return out


def _cells(html_text: str, column: str) -> list[str]:
    tree = lxml.html.fromstring(html_text)
    return [td.text_content().strip() for td in tree.xpath(f'//table[@id="claims"]//td[@data-label="{column}"]')]


def test_the_report_is_one_self_contained_page_in_indonesian(page):
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']https?://[^"']*\.(js|css)""", text)   # no CDN
    assert '<html lang="id">' in text and 'name="viewport"' in text
    assert text.count('class="conflict"') == 1 and "<svg" in text and text.count('<tr id="claim-') == 6
    assert "score_outside_band" in text and FEED[0][0] in text


def test_each_claim_shows_the_quote_of_its_article_and_its_speaker(page):
    quotes = dict(zip(_cells(page.read_text(encoding="utf-8"), "unit"), _cells(page.read_text(encoding="utf-8"), "quote")))
    daya = next(q for unit, q in quotes.items() if "Daya" in unit)
    assert "Kami akan terus memperbaiki antrean layanan" in daya and "Ahmad Kasim" in daya
    assert not any(q for unit, q in quotes.items() if "Banyuwangi" in unit)     # those articles quote nobody


def test_the_inputs_not_read_are_listed_with_their_status(page):
    tree = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    rows = [[td.text_content() for td in tr.xpath("td")] for tr in tree.xpath('//table[@class="inputs"]//tbody/tr')]
    assert "1 failed, 1 skipped" in tree.xpath('//h2[@id="not-read"]')[0].text_content()
    assert [(r[0].rsplit("/", 1)[-1], r[1].split()[0]) for r in rows] == [("feed.jsonl:8", "bad_json"),
                                                                         ("feed.jsonl:6", "duplicate")]
    assert "invalid JSON" in rows[0][2]


@pytest.fixture(scope="module")
def corpus_page(corpus_run, tmp_path_factory) -> lxml.html.HtmlElement:
    out = write_report(corpus_run, tmp_path_factory.mktemp("corpus-report") / "report.html")
    return lxml.html.fromstring(out.read_text(encoding="utf-8"))


def test_a_results_table_row_is_shown_as_cells_not_pipes(corpus_run, corpus_page):
    claims = pd.read_parquet(corpus_run / "claims.parquet")
    assert claims["evidence"].str.contains("|", regex=False).any()          # the corpus has table rows
    cells = [td.text_content() for td in corpus_page.xpath('//table[@id="claims"]//td')]
    assert cells and not [c for c in cells if "|" in c]
    assert corpus_page.xpath('//td[@data-label="evidence"]//span[@class="cells"]')


def test_a_plain_text_source_is_shown_by_its_file_name_as_a_local_file(corpus_page):
    sources = [td for td in corpus_page.xpath('//table[@id="claims"]//td[@data-label="source"]')]
    local = [td.text_content() for td in sources if not td.xpath(".//a")]
    texts = sorted(p.name for p in (ROOT / "corpus" / "text").glob("*.txt"))
    assert local and all(cell.endswith("local file") for cell in local)
    assert {cell.removesuffix("local file") for cell in local} <= set(texts)
    assert not [td for td in sources if "unknown site" in td.text_content()]


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture(scope="module")
def browser():
    found = _chromium()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs Debian's chromium package")
        pytest.skip("no chromium on this machine")
    return found


def _headless(browser: str, *args: str) -> str:
    return subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--virtual-time-budget=3000", *args], capture_output=True, text=True, timeout=120).stdout


def test_the_page_runs_filters_and_sorts_in_chromium(page, browser):
    dom = _headless(browser, "--dump-dom", page.as_uri())
    assert 'data-ready="yes"' in dom and dom.count('<tr id="claim-') == 6 and "<rect" in dom
    filtered = _headless(browser, "--dump-dom", page.as_uri() + "#q=Banyuwangi")
    assert re.search(r'id="shown">3<', filtered)                       # the filter, from the address
    by_score = _headless(browser, "--dump-dom", page.as_uri() + "#sort=score")
    scores = [float(s) for s in _cells(by_score, "score") if s]
    assert scores == sorted(scores) and scores[0] == 4.21 and 'aria-sort="ascending"' in by_score


def test_the_csv_link_holds_the_rows_in_view(page, browser):
    dom = _headless(browser, "--dump-dom", page.as_uri() + "#q=Banyuwangi")
    link = lxml.html.fromstring(dom).xpath('//a[@id="export"]')[0]
    csv = urllib.parse.unquote(link.get("href").split(",", 1)[1]).lstrip("\ufeff")
    import io
    rows = pd.read_csv(io.StringIO(csv))
    assert link.get("data-rows") == "3" and len(rows) == 3 and set(rows["predicate"]) == {"Informatif"}
    assert list(rows.columns[:4]) == ["unit", "predicate", "grade", "score"] and rows["score"].tolist() == [97.25] * 3
    assert rows["evidence"].str.contains("97,25").all() and rows["source"].str.startswith("https://").all()


@pytest.mark.parametrize("width", [1280, 400], ids=["desktop", "phone"])
def test_the_layout_fits_the_window_and_is_kept_as_a_screenshot(page, browser, width):
    dom = _headless(browser, f"--window-size={width},1600", "--dump-dom", page.as_uri())
    assert 'data-overflows="no"' in dom                                  # nothing wider than the window
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"report-{width}.png"
    shot.unlink(missing_ok=True)
    _headless(browser, f"--window-size={width},1600", f"--screenshot={shot}", page.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000
