"""Bounded work for any template: a budget of steps and of text, in proportion to the evidence it is given.

Templates are shared between organisations, so a template may be careless or
hostile. Jinja's sandbox stops it reaching Python's internals and caps
``range()`` at 100,000, but not the work a template can ask for within those
rules: two nested loops of 100,000, a macro calling itself twice over,
``'a' * 10**10``, ``2 ** 10**10``, ``'x'.center(10**10)`` or a string doubled in
a loop run for hours or exhaust memory. :class:`BoundedSandbox` bounds each, for
each document, in proportion to the records its context holds (the items of
every list or table in it: a briefing over 100,000 licences may do more than a
letter about one):

- **steps**: every loop iteration, call (macros, methods, the context's
  functions) and filter spends steps, a filter or call one (a macro
  :data:`MACRO_STEPS`) plus one per item or character it is given (a loop over a list spends its length at once), up
  to :data:`STEPS_BASE` plus :data:`STEPS_PER_ITEM` per record. The shipped
  templates spend at most about 60 steps per licence;
- **text**: no string, list or output longer than :data:`TEXT_BASE` plus
  :data:`TEXT_PER_ITEM` characters per record, checked before it is built where
  Python would build it at once (``*``, ``%``, a width or count passed to a
  call or filter) and after a call, filter, ``+`` or ``~`` otherwise. The
  shipped templates print at most about 200 characters per licence;
- **numbers**: no whole number of more than :data:`MAX_BITS` bits (``**`` and ``*``).

Each limit raises :class:`TemplateLimitError`, which the template renderer
reports with the template file and line, like any other template error.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable
from typing import Any

from jinja2 import Undefined, nodes
from jinja2.compiler import CodeGenerator
from jinja2.runtime import Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

from advocate.errors import DraftError

STEPS_BASE = 1_000_000
"""Steps any document's template may spend (about a second of work), whatever it is given."""

STEPS_PER_ITEM = 500
"""Further steps per record in the template's context."""

TEXT_BASE = 10_000_000
"""Characters (or list items) any document's template may build or print, whatever it is given."""

TEXT_PER_ITEM = 2_000
"""Further characters per record in the template's context."""

MACRO_STEPS = 20
"""Steps a call to a macro spends (the machinery of a call costs about as much as twenty loop iterations)."""

MAX_BITS = 100_000
"""Largest whole number a template may compute, in bits (about 30,000 digits)."""

_FORMAT_WIDTH = re.compile(r"%[-+ #0]*(?:\d{8,}|\d*\.\d{8,})|\{[^{}]*:[^{}]*\d{8,}[^{}]*\}")
"""A width or precision of ten million or more in a format string (``%99999999d``, ``{:>99999999}``)."""


class TemplateLimitError(DraftError):
    """A template asked for more work or text than the document could need."""


class Budget:
    """What the document being drafted may still spend: steps, and the longest text it may build."""

    def __init__(self, records: int = 0):
        self.steps = STEPS_BASE + STEPS_PER_ITEM * records
        self.left = self.steps
        self.text = TEXT_BASE + TEXT_PER_ITEM * records

    def spend(self, steps: int) -> None:
        self.left -= steps
        if self.left < 0:
            raise TemplateLimitError(
                f"the template takes more than {self.steps:,} steps (loop iterations, calls and filters) "
                "for the evidence it is given: a loop inside a loop, or a macro calling itself, without end?"
            )

    def check_length(self, size: int) -> None:
        if size > self.text:
            raise TemplateLimitError(
                f"the template builds a text or list of {size:,} characters or items, "
                f"more than the document could hold ({self.text:,})"
            )

    def check_count(self, value: int) -> None:
        """Refuse a number that would size a text beyond the limit (a width, a count) before it is used."""
        if abs(value) > self.text:
            raise TemplateLimitError(
                f"{value:,} is larger than any width or count the document could need ({self.text:,})"
            )


def records_in(context: dict) -> int:
    """How many records a template's context holds: the items of every list, table or mapping in it."""
    return sum(_size(value) for value in context.values() if not isinstance(value, str))


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with loops paying for their iterations and ``~`` checked for length.

    A loop's iterable ``x`` is compiled as the call ``environment.counted(x)``, made through the
    sandbox's :meth:`BoundedSandbox.call` as every call in a template is.
    """

    def visit_For(self, node: nodes.For, frame) -> None:
        if not _is_counted(node.iter):
            node.iter = nodes.Call(
                nodes.EnvironmentAttribute("counted"), [node.iter], [], None, None, lineno=node.iter.lineno
            )
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame) -> None:
        self.write("environment.checked(")
        super().visit_Concat(node, frame)
        self.write(")")


def _is_counted(node: nodes.Node) -> bool:
    return (
        isinstance(node, nodes.Call)
        and isinstance(node.node, nodes.EnvironmentAttribute)
        and node.node.name == "counted"
    )


def _size(value: Any) -> int:
    """How many characters or items ``value`` holds (0 for a value without a length, or an undefined one)."""
    if value.__class__ in _PLAIN_SIZED:
        return len(value)
    if isinstance(value, Undefined):
        return 0
    try:
        return len(value)
    except Exception:
        return 0


_PLAIN_SIZED = frozenset({str, list, tuple, dict, set, frozenset, range})


def _check_format(text) -> None:
    """Refuse a format string with a width or precision that would build a text of ten million characters."""
    if isinstance(text, str) and _FORMAT_WIDTH.search(text):
        raise TemplateLimitError("a format asks for a width of ten million characters or more")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with the limits of this module; :meth:`new_budget` starts each document."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})

    def __init__(self, **options):
        super().__init__(**options)
        self.budget = Budget()
        self.globals.pop("lipsum", None)  # placeholder text, and a way to ask for a billion words
        builtin, self.filters = self.filters, {}
        self.add_filters(builtin)

    def add_filters(self, filters: dict[str, Callable]) -> None:
        """Make ``filters`` available to templates, each bounded as :meth:`bounded_filter` says."""
        self.filters.update({name: self.bounded_filter(function) for name, function in filters.items()})

    def new_budget(self, records: int) -> None:
        """A full budget for the next document, whose context holds ``records`` records."""
        self.budget = Budget(records)

    # -- loops, calls and filters -------------------------------------------------

    def counted(self, iterable):
        """A loop's iterable: a step per iteration, unless it has a length (which :meth:`call` spent at once)."""
        if hasattr(iterable, "__len__"):
            return iterable
        return self._counting(iterable)

    def _counting(self, iterable):
        budget = self.budget
        for item in iterable:
            budget.spend(1)
            yield item

    def call(__self, __context, __obj, *args, **kwargs):
        __self._check_arguments(args, kwargs)
        method = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format in a function of its own
        if isinstance(getattr(method, "__self__", None), str) and getattr(method, "__name__", "") in (
            "format",
            "format_map",
        ):
            _check_format(method.__self__)
        __self.budget.spend((MACRO_STEPS if isinstance(__obj, Macro) else 1) + sum(_size(a) for a in args))
        return __self.checked(super().call(__context, __obj, *args, **kwargs))

    def bounded_filter(self, function: Callable) -> Callable:
        """``function`` as a filter that spends steps for what it handles and cannot build too long a text."""

        @functools.wraps(function)
        def bounded(*args, **kwargs):
            self._check_arguments(args, kwargs)
            if function.__name__ == "do_format" and args:
                _check_format(args[0])
            self.budget.spend(1 + sum(_size(a) for a in args[:2]))
            return self.checked(function(*args, **kwargs))

        return bounded

    def checked(self, value):
        """``value``, unless it is a text or list longer than the limit (its length is spent as steps)."""
        size = _size(value)
        if size > 1000:
            self.budget.check_length(size)
            self.budget.spend(size // 1000)
        return value

    def _check_arguments(self, args, kwargs) -> None:
        for value in (*args, *kwargs.values()):
            if value.__class__ is int:
                self.budget.check_count(value)

    # -- operators ------------------------------------------------------------------

    def call_binop(self, context, operator_name: str, left, right):
        if operator_name == "*":
            self._check_product(left, right)
        elif operator_name == "**":
            _check_power(left, right)
        elif operator_name == "%" and isinstance(left, str):
            _check_format(left)
            self._check_arguments(right if isinstance(right, tuple) else (right,), {})
        elif operator_name == "+":
            self.budget.check_length(_size(left) + _size(right))
        try:
            return self.checked(_BINOPS[operator_name](left, right))
        except OverflowError:
            raise TemplateLimitError(f"the result of '{operator_name}' is too large a number") from None

    def _check_product(self, left, right) -> None:
        for sequence, count in ((left, right), (right, left)):
            if isinstance(count, int) and _size(sequence):
                self.budget.check_length(_size(sequence) * count)
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_BITS:
            raise _number_too_large()


def _check_power(left, right) -> None:
    if (
        isinstance(left, int)
        and isinstance(right, int)
        and right > 0
        and abs(left) > 1
        and (right > MAX_BITS or left.bit_length() * right > MAX_BITS)
    ):
        raise _number_too_large()


def _number_too_large() -> TemplateLimitError:
    return TemplateLimitError(f"the template computes a number of more than {MAX_BITS:,} bits")


_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "*": operator.mul,
    "**": operator.pow,
    "+": operator.add,
    "%": operator.mod,
    "//": operator.floordiv,
}
