"""Shared fixtures: fresh case folders. Constants and helpers live in :mod:`tests.helpers`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from advocate.case_skeleton import init_case
from tests.helpers import FIXTURES


@pytest.fixture
def new_case(tmp_path: Path) -> Path:
    """A case folder as ``advocate init`` writes it."""
    folder = tmp_path / "case"
    init_case(folder)
    return folder


@pytest.fixture
def caat_sample(tmp_path: Path) -> Path:
    """A copy of the CAAT fixture folder that a test may change."""
    folder = tmp_path / "caat"
    shutil.copytree(FIXTURES / "caat-2015-sample", folder)
    return folder
