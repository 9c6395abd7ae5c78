"""A run's files are complete or absent: kills, stale staging, edited manifests, folders in the way, full disks,
locks."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from output_sets import NAMES, folder_state, output_set
from typer.testing import CliRunner

from advocate.cli import app
from advocate.errors import OutputBusy, OutputConflict, OutputUnwritable
from advocate.run.journal import JOURNAL_NAME, read_journal, recover
from advocate.run.manifest import MANIFEST_NAME, manifest_on_disk
from advocate.run.output_lock import output_lock
from advocate.run.outputs import write_outputs
from tests.helpers import EXAMPLE_CASE

TESTS = Path(__file__).parent

KILLED_CHILD = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, sys.argv[1])
    from output_sets import output_set
    from advocate.run.outputs import write_outputs

    allowed = int(sys.argv[3])
    real_replace = os.replace
    calls = 0

    def replace_then_die(source, target):
        global calls
        if calls == allowed:
            os.kill(os.getpid(), signal.SIGKILL)
        calls += 1
        real_replace(source, target)

    os.replace = replace_then_die
    files, manifest = output_set("new")
    write_outputs(sys.argv[2], files, manifest)
""")


def written_set(folder: Path, version: str) -> dict[str, bytes]:
    """What a complete run of ``version`` leaves in ``folder``."""
    files, manifest = output_set(version)
    scratch = folder.parent / f"expected-{version}"
    write_outputs(scratch, files, manifest)
    return folder_state(scratch)


@pytest.mark.parametrize("moves_before_kill", [0, 1, 3, 5])
def test_a_run_killed_while_moving_files_is_completed_by_the_next(tmp_path, moves_before_kill):
    out = tmp_path / "out"
    old_files, old_manifest = output_set("old")
    write_outputs(out, old_files, old_manifest)
    old, new = folder_state(out), written_set(out, "new")

    child = subprocess.run(
        [sys.executable, "-c", KILLED_CHILD, str(TESTS), str(out), str(moves_before_kill)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -9, child.stderr
    committed = moves_before_kill > 0  # the first os.replace puts the journal in place: the commit point
    assert (out / JOURNAL_NAME).exists() == committed
    assert any(p.name.startswith(".advocate-staging-") for p in out.iterdir())

    recover(out)
    assert folder_state(out) == (new if committed else old), "the folder holds one whole set, no mixture"
    assert not [p.name for p in out.iterdir() if p.name.startswith(".advocate")]

    files, manifest = output_set("new")
    write_outputs(out, files, manifest)  # no --force needed: every file is advocate's own
    assert folder_state(out) == new


def test_the_next_build_completes_a_killed_run_without_force(tmp_path):
    out = tmp_path / "out"
    child = subprocess.run(
        [sys.executable, "-c", KILLED_CHILD, str(TESTS), str(out), "2"], capture_output=True, text=True, timeout=120
    )
    assert child.returncode == -9, child.stderr
    assert read_journal(out) is not None
    result = CliRunner().invoke(
        app,
        [
            "draft",
            "foi",
            str(EXAMPLE_CASE),
            "--out",
            str(out),
            "--licence",
            "DIT-2017Q1-TR-01",
            "--format",
            "md",
            "--date",
            "2026-12-04",
        ],
    )
    assert result.exit_code == 0, result.output
    manifest = manifest_on_disk(out)
    assert manifest.ours
    listed = {o.path for d in manifest.manifest.documents for o in d.outputs}
    assert listed == {*NAMES, "foi-request.md"}, "the interrupted run's files are completed and kept"
    assert not [p.name for p in out.iterdir() if p.name.startswith(".advocate")]


def test_stale_staging_folders_are_deleted(tmp_path):
    out = tmp_path / "out"
    stale = out / ".advocate-staging-abc123"
    stale.mkdir(parents=True)
    (stale / "f000000").write_bytes(b"half a letter")
    files, manifest = output_set("one")
    write_outputs(out, files, manifest)
    assert not stale.exists()
    assert sorted(p.name for p in out.iterdir()) == sorted([*NAMES, MANIFEST_NAME])


def test_a_users_own_manifest_is_never_overwritten_without_force(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    mine = out / MANIFEST_NAME
    mine.write_text('{"my": "inventory"}\n', encoding="utf-8")
    files, manifest = output_set("one")
    with pytest.raises(OutputConflict, match=r"manifest\.json: already exist and were not written by advocate"):
        write_outputs(out, files, manifest)
    assert folder_state(out) == {MANIFEST_NAME: b'{"my": "inventory"}\n'}
    write_outputs(out, files, manifest, force=True)
    assert manifest_on_disk(out).ours


def test_an_edited_manifest_is_a_changed_file(tmp_path):
    out = tmp_path / "out"
    files, manifest = output_set("one")
    write_outputs(out, files, manifest)
    path = out / MANIFEST_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    data["documents"][0]["title"] = "My note: sent on 5 December"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    before = folder_state(out)
    with pytest.raises(OutputConflict, match=r"manifest\.json.*changed since advocate wrote them"):
        write_outputs(out, files, manifest)
    assert folder_state(out) == before


def test_a_folder_in_the_place_of_an_output_stops_the_run_before_anything_moves(tmp_path):
    out = tmp_path / "out"
    files, manifest = output_set("old")
    write_outputs(out, files, manifest)
    (out / "letter.pdf").unlink()
    (out / "letter.pdf").mkdir()
    before = folder_state(out)
    new_files, new_manifest = output_set("new")
    with pytest.raises(OutputConflict, match=r"letter\.pdf: are folders, links or special files"):
        write_outputs(out, new_files, new_manifest, force=True)
    assert folder_state(out) == before
    assert (out / "letter.pdf").is_dir()


def test_a_link_in_the_place_of_an_output_is_replaced_not_followed(tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("not advocate's\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "letter.md").symlink_to(outside)
    files, manifest = output_set("one")
    with pytest.raises(OutputConflict, match=r"letter\.md: already exist"):
        write_outputs(out, files, manifest)
    write_outputs(out, files, manifest, force=True)
    assert outside.read_text(encoding="utf-8") == "not advocate's\n"
    assert not (out / "letter.md").is_symlink()


def test_out_that_is_a_file_is_one_clear_error(tmp_path):
    out = tmp_path / "out"
    out.write_text("a file\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["draft", "foi", str(EXAMPLE_CASE), "--out", str(out), "--licence", "DIT-2017Q1-TR-01", "--format", "md"]
    )
    assert result.exit_code == 2
    expected = f"error: {EXAMPLE_CASE}: {out}: is a file, not a folder; nothing was written"
    assert result.output.strip().splitlines() == [expected]
    assert out.read_text(encoding="utf-8") == "a file\n"


@pytest.mark.parametrize("failure", [errno.ENOSPC, errno.EACCES, errno.EROFS])
def test_a_write_that_fails_leaves_the_old_set_intact(tmp_path, monkeypatch, failure):
    out = tmp_path / "out"
    files, manifest = output_set("old")
    write_outputs(out, files, manifest)
    before = folder_state(out)
    real_write = Path.write_bytes
    written = []

    def fail_on_third(self, data):
        written.append(self)
        if len(written) == 3:
            raise OSError(failure, os.strerror(failure))
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", fail_on_third)
    new_files, new_manifest = output_set("new")
    message = rf"cannot write the files \({os.strerror(failure)}\); nothing was changed"
    with pytest.raises(OutputUnwritable, match=message):
        write_outputs(out, new_files, new_manifest)
    assert folder_state(out) == before
    assert sorted(p.name for p in out.iterdir()) == sorted([*NAMES, MANIFEST_NAME]), "no staging folder left behind"


def test_a_folder_without_permission_is_one_clear_error(tmp_path, monkeypatch):
    out = tmp_path / "out"
    files, manifest = output_set("old")
    write_outputs(out, files, manifest)
    before = folder_state(out)

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr("tempfile.mkdtemp", refused)
    new_files, new_manifest = output_set("new")
    message = r"out: cannot write the files \(Permission denied\); nothing was changed"
    with pytest.raises(OutputUnwritable, match=message):
        write_outputs(out, new_files, new_manifest)
    assert folder_state(out) == before


def test_a_second_run_into_the_same_folder_at_once_says_so(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    files, manifest = output_set("one")
    with output_lock(out), pytest.raises(OutputBusy, match="another advocate run is writing into this folder"):
        write_outputs(out, files, manifest)
    assert list(out.iterdir()) == []
    write_outputs(out, files, manifest)  # the lock went with its holder
    assert manifest_on_disk(out).ours


def test_a_journal_that_would_move_files_outside_the_folder_is_refused(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".advocate-staging-x").mkdir()
    (out / JOURNAL_NAME).write_text(
        json.dumps({"staging": ".advocate-staging-x", "moves": [[".advocate-staging-x/f0", "../escaped.txt"]]}),
        encoding="utf-8",
    )
    files, manifest = output_set("one")
    with pytest.raises(OutputUnwritable, match="not a journal advocate wrote"):
        write_outputs(out, files, manifest)
    assert not (tmp_path / "escaped.txt").exists()
