"""The Jinja environment templates render in: sandboxed, strict, and user templates first.

Templates are shared between organisations, so they run in Jinja's immutable
sandbox (no reaching Python internals such as ``''.__class__``, no changing the
evidence) with :class:`~jinja2.StrictUndefined` (an undefined variable or a
missing field is an error, never an empty string in a letter), with limits on
the work and text a template may ask for (:mod:`advocate.draft.template_limits`).
Every printed value is escaped for Markdown unless the engine made it (see
:mod:`advocate.draft.markdown_escape`). Errors name the template file and line.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from types import GeneratorType

import jinja2
from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
from jinja2.environment import TemplateModule
from jinja2.sandbox import SecurityError

from advocate.draft.filters import FILTERS
from advocate.draft.markdown_escape import escape_markdown
from advocate.draft.template_cache import bytecode_cache
from advocate.draft.template_limits import BoundedSandbox, TemplateLimitError, records_in
from advocate.errors import DraftError
from advocate.resources import shipped_templates

TEMPLATE_SUFFIX = ".md.j2"


@dataclass(frozen=True)
class TemplateSource:
    """Which file a template was read from, and its SHA-256 (for the manifest)."""

    name: str
    path: str
    origin: str
    """``shipped`` or ``user``."""
    sha256: str


@dataclass(frozen=True)
class RenderedTemplate:
    """A template's Markdown output and the variables it set at top level (``title``, ``running_header`` ...)."""

    markdown: str
    exported: dict
    source: TemplateSource


def shipped_template_dir() -> Path:
    return Path(str(shipped_templates()))


class Templates:
    """Templates by name: a user folder (if given) overrides the shipped ``letter_templates/`` by file name."""

    def __init__(self, user_dir: str | Path | None = None):
        self.user_dir = Path(user_dir) if user_dir else None
        if self.user_dir is not None and not self.user_dir.is_dir():
            raise DraftError(f"{self.user_dir}: no such template folder")
        loaders = [FileSystemLoader(str(self.user_dir))] if self.user_dir else []
        loaders.append(FileSystemLoader(str(shipped_template_dir())))
        self.environment = BoundedSandbox(
            loader=ChoiceLoader(loaders),
            undefined=StrictUndefined,
            finalize=escape_markdown,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=bytecode_cache(),
        )
        self.environment.add_filters(FILTERS)

    def names(self) -> list[str]:
        """Every document template available, user and shipped (without the suffix)."""
        found: set[str] = set()
        for folder in ([self.user_dir] if self.user_dir else []) + [shipped_template_dir()]:
            found.update(
                p.name[: -len(TEMPLATE_SUFFIX)]
                for p in folder.glob(f"*{TEMPLATE_SUFFIX}")
                if not p.name.startswith("_")
            )
        return sorted(found)

    def source(self, name: str) -> TemplateSource:
        """Where template ``name`` comes from."""
        file = name if name.endswith(TEMPLATE_SUFFIX) else name + TEMPLATE_SUFFIX
        for folder, origin in ([(self.user_dir, "user")] if self.user_dir else []) + [
            (shipped_template_dir(), "shipped")
        ]:
            path = folder / file
            if path.is_file():
                shown = str(path) if origin == "user" else f"letter_templates/{file}"
                return TemplateSource(file, shown, origin, hashlib.sha256(path.read_bytes()).hexdigest())
        raise DraftError(f"no template '{file}'; templates: {', '.join(self.names())}")

    def render(self, name: str, context: dict) -> RenderedTemplate:
        """Render template ``name``; any failure is a :class:`DraftError` naming the template and line."""
        source = self.source(name)
        try:
            template = self.environment.get_template(source.name)
        except jinja2.TemplateSyntaxError as exc:
            raise DraftError(
                f"template syntax: {exc.message}", template=_shown(exc.filename or source.name), line=exc.lineno
            ) from None
        try:
            module = _bounded_module(template, context)
            markdown = str(module)
        except RecursionError as exc:
            template_name, line = _template_frame(exc)
            raise TemplateLimitError(
                "the template calls itself too deeply (a macro or include that calls itself without end?)",
                template=template_name or source.path,
                line=line,
            ) from None
        except DraftError as exc:
            template_name, line = _template_frame(exc)
            if not template_name and exc.template:
                template_name, line = exc.template, exc.line
            raise type(exc)(exc.message, template=template_name or source.path, line=line) from None
        except SecurityError as exc:
            template_name, line = _template_frame(exc)
            raise DraftError(
                f"not allowed in a template: {exc}", template=template_name or source.path, line=line
            ) from None
        except jinja2.UndefinedError as exc:
            template_name, line = _template_frame(exc)
            raise DraftError(
                f"{_undefined_message(exc)}; a document never prints a blank for a missing value",
                template=template_name or source.path,
                line=line,
            ) from None
        except jinja2.TemplateError as exc:
            template_name, line = _template_frame(exc)
            raise DraftError(str(exc), template=template_name or source.path, line=line) from None
        except (OverflowError, MemoryError) as exc:
            template_name, line = _template_frame(exc)
            raise TemplateLimitError(
                f"the template asks for more than a document can hold ({exc or type(exc).__name__})",
                template=template_name or source.path,
                line=line,
            ) from None
        except (TypeError, ValueError, AttributeError, KeyError, ZeroDivisionError) as exc:
            template_name, line = _template_frame(exc)
            raise DraftError(f"{type(exc).__name__}: {exc}", template=template_name or source.path, line=line) from None
        exported = {key: value for key, value in module.__dict__.items() if not key.startswith("_")}
        return RenderedTemplate(markdown, exported, source)


def _bounded_module(template: jinja2.Template, context: dict) -> TemplateModule:
    """``template.make_module(context)`` on a fresh budget for ``context``, stopped once the output passes its limit."""
    environment = template.environment
    assert isinstance(environment, BoundedSandbox)  # Templates loads every template through its own sandbox
    environment.new_budget(records_in(context))
    limit = environment.budget.text
    jinja_context = template.new_context(context)
    chunks, size = [], 0
    output = template.root_render_func(jinja_context)
    for chunk in output:
        size += len(chunk)
        if size > limit:
            frame = output.gi_frame if isinstance(output, GeneratorType) else None  # Jinja compiles a generator
            raise TemplateLimitError(
                f"the template prints more than {limit:,} characters, "
                "more than the document could hold for the evidence it is given",
                template=_shown(template.filename or template.name or ""),
                line=template.get_corresponding_lineno(frame.f_lineno) if frame else None,
            )
        chunks.append(chunk)
    return TemplateModule(template, jinja_context, chunks)


def _undefined_message(exc: jinja2.UndefinedError) -> str:
    message = str(exc)
    return message.replace("'dict object'", "the record").replace("jinja2.runtime.", "")


def _shown(path: str) -> str:
    """A shipped template as ``letter_templates/NAME`` (the same on every machine); a user's as given."""
    shipped = shipped_template_dir()
    try:
        return f"letter_templates/{Path(path).resolve().relative_to(shipped.resolve())}"
    except ValueError:
        return path


def _template_frame(exc: BaseException) -> tuple[str, int | None]:
    """The innermost template file and line the exception passed through."""
    found: tuple[str, int | None] = ("", None)
    tb = exc.__traceback__
    while tb is not None:
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None:
            found = (
                _shown(template.filename) if template.filename else template.name or "",
                template.get_corresponding_lineno(tb.tb_lineno),
            )
        tb = tb.tb_next
    return found
