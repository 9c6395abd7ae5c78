"""The pipeline's stages import only downward, and no stage has an import cycle (import-linter's contracts
in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO


def test_the_import_contracts_are_kept():
    linter = Path(sys.executable).parent / "lint-imports"
    run = subprocess.run([str(linter), "--no-cache"], cwd=REPO, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout
