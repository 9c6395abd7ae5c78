"""A case file as ruamel.yaml's round-trip tree, for tools that edit case files and must keep their comments.

Loading a case reads YAML with libyaml (:mod:`advocate.load.yaml_file`), ten times
faster, into plain data. A tool that writes records back into a user's file (an
importer merging new records into ``abuses.yaml``) needs what plain data loses:
comments, key order and layout. :func:`round_trip_tree` parses the same text
with ruamel.yaml's round-trip parser, dates kept as the text the user wrote, as
the loader keeps them.
"""

from __future__ import annotations

from typing import Any


def round_trip_tree(text: str) -> Any:
    """``text`` as ruamel.yaml's round-trip tree (``CommentedMap``/``CommentedSeq``), dates left as written.

    ruamel.yaml is imported here, on first use, so that loading a case never pays for it.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import RoundTripConstructor

    class TextDatesConstructor(RoundTripConstructor):
        """ruamel's round-trip constructor, except that dates stay the text the user wrote."""

    TextDatesConstructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)
    yaml = YAML(typ="rt")
    yaml.Constructor = TextDatesConstructor
    return yaml.load(text)
