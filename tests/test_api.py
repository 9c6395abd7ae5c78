"""The library a Python user meets: `import advocate` gives the verbs, each documented, and costs almost nothing."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys

import advocate
from tests.helpers import REPO

VERBS = ("init_case", "check_case", "load_case", "link_case", "draft_document", "render_document", "build_case")


def test_every_public_name_resolves_and_is_documented():
    for name in advocate.__all__:
        value = getattr(advocate, name)
        if name in ("__version__", "KINDS"):
            continue
        assert inspect.getdoc(value), f"advocate.{name} has no docstring"


def test_the_verbs_are_there_with_an_example_each():
    for name in VERBS:
        function = getattr(advocate, name)
        assert callable(function)
        doc = inspect.getdoc(function) or ""
        assert ">>>" in doc or name in advocate.__doc__, f"advocate.{name} shows no example"


def test_nothing_else_leaks_into_the_package():
    run = subprocess.run(
        [sys.executable, "-c", "import advocate; print(' '.join(dir(advocate)))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    public = {name for name in run.stdout.split() if not name.startswith("_")}
    assert public <= set(advocate.__all__), public - set(advocate.__all__)
    assert "PackageNotFoundError" not in run.stdout.split() and "version" not in run.stdout.split()


def test_an_unknown_name_is_an_attribute_error():
    try:
        advocate.no_such_verb  # noqa: B018
    except AttributeError as exc:
        assert "no_such_verb" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def _modules_after(code: str) -> set[str]:
    run = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return set(run.stdout.split())


HEAVY = {"pandas", "numpy", "reportlab", "jinja2", "pydantic", "mistune", "docx"}


def test_import_advocate_imports_no_heavy_library():
    assert not HEAVY & _modules_after("import advocate")


def test_the_help_of_every_command_imports_no_heavy_library():
    code = (
        "from typer.testing import CliRunner\nfrom advocate.cli import app\n"
        "names = [c.name or c.callback.__name__ for c in app.registered_commands]\n"
        "assert len(names) >= 7, names\n"
        "for command in [[]] + [[name] for name in names]:\n"
        "    assert CliRunner().invoke(app, command + ['--help']).exit_code == 0, command\n"
    )
    # typer itself imports pydantic (to recognise pydantic types in signatures) when it parses a command
    assert not (HEAVY - {"pydantic"}) & _modules_after(code)


def test_the_readme_python_example_uses_only_public_names_and_runs(tmp_path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks, "the README has no Python example"
    for block in blocks:
        for module, names in re.findall(r"^from (advocate[\w.]*) import (.+)$", block, re.M):
            assert module == "advocate", f"the README imports from {module}: use the public names"
            assert {n.strip() for n in names.split(",")} <= set(advocate.__all__)
        for name in re.findall(r"\badvocate\.(\w+)", block):
            assert name in advocate.__all__, name
    run = subprocess.run(
        [sys.executable, "-c", blocks[0]],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(REPO), "PATH": "", "HOME": str(tmp_path)},
    )
    assert run.returncode == 0, run.stderr[-2000:]
