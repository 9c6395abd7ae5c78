"""Compiled templates kept between runs, so that a process's first document does not pay for compiling them.

Jinja compiles each template to Python bytecode; a process that drafts one letter spent most of its set-up
there. :func:`bytecode_cache` keeps the bytecode in the user's cache folder, in a folder named for the Jinja
version and for the code that makes templates bounded (:mod:`advocate.draft.template_limits` compiles loops
and concatenations its own way), so that bytecode made by other code is never loaded. Jinja checks each
template's source against what was compiled. A cache that cannot be written is not used; output never
depends on it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import jinja2
from jinja2 import BytecodeCache, FileSystemBytecodeCache

from advocate.resources import user_cache_dir


def _compiler_digest() -> str:
    """A short hash of the modules that decide what a template compiles to."""
    from advocate.draft import template_limits

    return hashlib.sha256(Path(template_limits.__file__).read_bytes()).hexdigest()[:16]


def bytecode_cache() -> BytecodeCache | None:
    """The cache of compiled templates, or ``None`` when its folder cannot be made."""
    folder = user_cache_dir() / f"templates-jinja{jinja2.__version__}-{_compiler_digest()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))
