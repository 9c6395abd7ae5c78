"""The wheel carries the shipped data, and an installed wheel finds it (not only the checkout).

Builds the wheel from a copy of the sources (so the shared checkout gets no build/
folder) with ``pip wheel . --no-deps``: a few seconds, and it runs in CI with the rest.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import REPO

SHIPPED = {
    "advocate/vocab/data": "advocate/vocab/data",
    "advocate/case_skeleton": "advocate/case_skeleton",
    "letter_templates": "advocate/letter_templates",
    "evidence": "advocate/evidence",
}
"""Folder in the checkout → where the wheel must carry every file of it."""


def _data_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in ("advocate", "letter_templates", "evidence"):
        shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-q", "-w", str(out)],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (path,) = out.glob("advocate-*.whl")
    return path


def test_the_wheel_carries_every_shipped_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, packaged in SHIPPED.items():
        files = _data_files(REPO / folder)
        assert files, folder
        missing = [
            str(f.relative_to(REPO))
            for f in files
            if f"{packaged}/{f.relative_to(REPO / folder).as_posix()}" not in names
        ]
        assert missing == [], f"not in the wheel: {missing}"
    assert "advocate/evidence/turkey-2017/caat-2015-turkey/values.csv" in names
    assert "advocate/py.typed" in names, "type checkers need the py.typed marker to use advocate's annotations"


def test_an_installed_wheel_finds_its_data(wheel, tmp_path):
    target = tmp_path / "site"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    script = (
        "import advocate, datetime as dt\n"
        "from advocate.case_skeleton import init_case\n"
        "from advocate.validate.check import check_case\n"
        "from advocate.resources import shipped_templates\n"
        f"assert advocate.__file__.startswith(r'{target}'), advocate.__file__\n"
        "init_case('from-skeleton'); init_case('from-example', example='turkey-2017')\n"
        "for folder in ('from-skeleton', 'from-example'):\n"
        "    assert not check_case(folder, today=dt.date(2026, 11, 22)).errors, folder\n"
        "assert (shipped_templates() / 'foi.md.j2').is_file()\n"
        "print('ok')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert run.stdout.strip() == "ok", run.stderr


def test_every_package_folder_is_listed_for_the_wheel():
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    folders = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "advocate").rglob("__init__.py")}
    assert folders <= listed, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(folders - listed)}"
