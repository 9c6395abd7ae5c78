"""Property: whatever a case marks confidential, no output of any command shows it, and the public documents
are still written.

Hypothesis draws cases (:mod:`confidential_cases`) around a public core (a licence and an abuse with a
published source) with any mix of confidential sources, abuses, events, hand-asserted links, licences and
refusals, and records known only from confidential sources, each with canary strings in every field, in a
privileged case or not. Every command a user would run on it (``build``; ``draft foi`` for all licences,
with ``--each``, and with ``--licence`` naming one) must succeed, since the public core is enough for every
public document, and no file it writes outside ``privileged/`` may show a canary: not in a body, a footnote,
DOCX or PDF metadata, a file name, an email header or attachment name, ``links.csv`` or ``manifest.json``.

The number of cases is the profile's (``HYPOTHESIS_PROFILE``: ``ci`` by default, a handful, so that
``.ci/run`` stays within minutes; ``thorough`` for many more).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from confidential_cases import Secrets, write_case
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from output_text import found_in, readable
from typer.testing import CliRunner

from advocate.cli import app

settings.register_profile(
    "ci", max_examples=6, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough",
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

secrets = st.builds(
    Secrets,
    **{
        name: st.booleans()
        for name in (
            "confidential_source",
            "only_confidential_abuse",
            "confidential_abuse",
            "confidential_event",
            "confidential_link",
            "confidential_licence",
            "confidential_refusal",
            "privileged",
        )
    },
    seed=st.integers(min_value=1, max_value=999),
)

COMMANDS = {
    "build": ["build", "{case}", "--out", "{out}"],
    "draft-all": ["draft", "foi", "{case}", "--out", "{out}", "--format", "md", "--format", "eml", "--format", "docx"],
    "draft-each": ["draft", "foi", "{case}", "--out", "{out}", "--each", "--format", "md", "--format", "eml"],
    "draft-one": [
        "draft",
        "foi",
        "{case}",
        "--out",
        "{out}",
        "--licence",
        "PUB-LIC-1",
        "--format",
        "pdf",
        "--format",
        "eml",
    ],
}


@given(secrets)
def test_no_output_of_any_command_shows_a_confidential_record(drawn_secrets):
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        drawn = write_case(root / "case", drawn_secrets)
        for name, template in COMMANDS.items():
            out = root / name
            args = [part.format(case=drawn.folder, out=out) for part in template] + ["--date", "2026-12-04"]
            result = CliRunner().invoke(app, args)
            assert result.exit_code == 0, f"{name} refused a case whose public core supports it: {result.output}"
            assert "Traceback" not in result.output
            for path, text in readable(out, skip=("privileged",)):
                leaked = found_in(text, drawn.canaries)
                assert not leaked, f"{name}: {path} shows {sorted(leaked)} of a confidential record"
            privileged = out / "privileged"
            if drawn_secrets.privileged and name == "build":
                assert (privileged / "privileged-letter-before-claim.pdf").is_file()
                assert not (out / "letter-before-claim.pdf").exists()
            else:
                assert not privileged.exists()
