"""One frozen Settings: it pickles to the workers, and what changes outputs keys the shards."""
from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from extract.limits import Limits
from extract.runner.shards import plan_shards
from extract.settings import Settings
from extract.status import Group, Status, group_of

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_settings_are_frozen_and_travel_to_workers():
    settings = Settings(limits=Limits(doc_timeout=5), files_per_shard=3)
    assert pickle.loads(pickle.dumps(settings)) == settings
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.files_per_shard = 4


def test_what_changes_outputs_changes_the_shard_keys():
    keys = lambda settings: [shard.key for shard in plan_shards([str(CORPUS)], settings)]  # noqa: E731
    default = keys(Settings())
    assert keys(Settings(batch_records=3, table_batch_size=7)) == default
    assert set(keys(Settings(limits=Limits(doc_timeout=5)))).isdisjoint(default)
    assert set(keys(Settings(fetch_timeout=5))).isdisjoint(default)
    assert set(keys(Settings(all_pages=True))).isdisjoint(default)


def test_every_status_is_one_code_in_one_group():
    assert len({status.value for status in Status}) == len(Status)
    assert [s for s in Status if s.group == Group.OK] == [Status.OK]
    assert {s.value for s in Status if s.group == Group.SKIPPED} == {"language", "duplicate", "http_status", "off_topic"}
    assert group_of("timeout") == Group.FAILED and pickle.loads(pickle.dumps(Status.TIMEOUT)) is Status.TIMEOUT
