"""The development set of real articles (``../shared/dev``): held to the accuracy measured on it.

Skipped when ``../shared`` is not beside the repository. The floors are what the rules reach
today, a little below the measured figures (README, "Accuracy"), so that a change that loses
real claims fails here; raise them as the rules improve.
"""
from __future__ import annotations

import pytest

import extract
from conftest import SHARED, run_cli

DEV = SHARED / "dev"

# field -> (precision floor, recall floor)
FLOORS = {
    "claims": (0.97, 0.96),
    "scores": (0.97, 0.97),
    "dates": (0.97, 0.97),
    "officials": (0.97, 0.95),
}


@pytest.fixture(scope="module")
def dev_report(tmp_path_factory):
    if not (DEV / "dev.jsonl").exists():
        pytest.skip("../shared/dev is not beside the repository")
    out = tmp_path_factory.mktemp("dev-run")
    run_cli("run", str(DEV / "dev.jsonl"), "--out", str(out))
    return extract.evaluate(DEV / "gold", out)


def test_every_dev_article_is_in_the_run(dev_report):
    assert all(article.article_id for article in dev_report.articles)


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_dev_field_holds_its_floor(dev_report, field):
    precision, recall = FLOORS[field]
    score = dev_report.fields[field]
    assert score.precision >= precision and score.recall >= recall, \
        (field, round(score.precision, 3), round(score.recall, 3), dev_report.errors())
