"""JSON and YAML read with limits, so that no input can exhaust the stack, the CPU or memory.

Every reader of untrusted structured text (JSON and JSONL records, YAML front matter, manifests,
baselines, the configuration) goes through `load_json` or `load_yaml`. A text that breaks a
limit raises LimitError with the line where it does: nesting deeper than `max_depth`, an integer
longer than `max_digits` digits, a YAML scalar longer than `max_field_chars`, or a YAML alias to
a list or mapping (the "billion laughs": aliases that multiply a document when it is walked).
"""

from __future__ import annotations

import json
import re

import yaml
from pydantic import BaseModel, ConfigDict, Field


class Limits(BaseModel):
    """The bounds every structured input is read within."""

    model_config = ConfigDict(frozen=True)

    max_depth: int = Field(64, description="Nesting of arrays, objects, lists and mappings.")
    max_digits: int = Field(64, description="Digits of an integer.")
    max_field_chars: int = Field(
        128 * 1024, description="Characters of one YAML scalar, CSV field or metadata value."
    )


LIMITS = Limits()
_BRACKETS = re.compile(r'[\[\]{}]|"(?:[^"\\]++|\\.)*+"?')


class LimitError(ValueError):
    """A text that breaks one of the Limits; `line` is where (1-based), when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


# --- JSON -------------------------------------------------------------------------------------


def load_json(text: str, limits: Limits = LIMITS, **options) -> object:
    """`json.loads` within the limits; raises LimitError, or json.JSONDecodeError for bad JSON."""
    _check_json_depth(text, limits.max_depth)

    def bounded_int(digits: str) -> int:
        if len(digits.lstrip("-")) > limits.max_digits:
            raise LimitError(_too_many_digits(limits), _line_of_long_number(text, limits))
        return int(digits)

    return json.loads(text, parse_int=bounded_int, **options)


def _check_json_depth(text: str, max_depth: int) -> None:
    """Raise LimitError when arrays and objects nest deeper than `max_depth` (strings skipped)."""
    if text.count("[") + text.count("{") <= max_depth:
        return
    depth = 0
    for match in _BRACKETS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > max_depth:
                line = text.count("\n", 0, match.start()) + 1
                raise LimitError(f"nested deeper than {max_depth} levels", line)
        elif token in "]}":
            depth = max(depth - 1, 0)


def _line_of_long_number(text: str, limits: Limits) -> int | None:
    found = re.search(rf"\d{{{limits.max_digits + 1},}}", text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _too_many_digits(limits: Limits) -> str:
    return f"a number longer than {limits.max_digits} digits"


# --- YAML -------------------------------------------------------------------------------------


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader with depth, scalar-size, integer and alias limits."""

    limits = LIMITS

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        """Compose one node, refusing what breaks a limit before it is built."""
        event = self.peek_event()
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, yaml.AliasEvent):
            target = self.anchors.get(event.anchor)
            if target is not None and not isinstance(target, yaml.ScalarNode):
                raise LimitError("an alias (*name) to a list or mapping is not allowed", line)
        if isinstance(event, yaml.ScalarEvent) and len(event.value) > self.limits.max_field_chars:
            raise LimitError(f"a value longer than {self.limits.max_field_chars} characters", line)
        self._depth += 1
        try:
            if self._depth > self.limits.max_depth:
                raise LimitError(f"nested deeper than {self.limits.max_depth} levels", line)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_int(self, node):
        """An integer, unless it is longer than the limit."""
        if len(re.sub(r"[^0-9a-fA-F]", "", str(node.value))) > self.limits.max_digits:
            raise LimitError(_too_many_digits(self.limits), node.start_mark.line + 1)
        return super().construct_yaml_int(node)

    def construct_yaml_timestamp(self, node):
        """A date or time; one that does not exist (2024-13-45) stays text, for a diagnostic."""
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError, AttributeError, TypeError):
            return str(node.value)


_BoundedLoader.add_constructor("tag:yaml.org,2002:int", _BoundedLoader.construct_yaml_int)
_BoundedLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _BoundedLoader.construct_yaml_timestamp
)


try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml
    _FastLoader = _BoundedLoader
else:

    class _FastLoader(_BoundedLoader, CParser):
        """The bounded loader on libyaml's scanner and parser: the same documents, faster.

        Nodes are still composed in Python (where the limits are checked node by node), from
        libyaml's events.
        """

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self._depth = 0

        # the scanning and parsing methods are libyaml's, not the pure-Python reader's
        check_event, peek_event, get_event = (
            CParser.check_event,
            CParser.peek_event,
            CParser.get_event,
        )
        dispose = CParser.dispose


def load_yaml(text: str) -> object:
    """`yaml.safe_load` within the limits; raises LimitError or yaml.YAMLError."""
    return load_yaml_node(text)[0]


def load_yaml_node(text: str) -> tuple[object, yaml.Node | None]:
    """The data of a one-document YAML text and its node (for line numbers), within the limits.

    libyaml reads it where installed; a text it refuses is read again by PyYAML's own parser,
    so errors and their messages (and anything only PyYAML accepts) stay as PyYAML's.
    """
    try:
        return _load_node(text, _FastLoader)
    except yaml.YAMLError:
        if _FastLoader is _BoundedLoader:
            raise
    return _load_node(text, _BoundedLoader)


def _load_node(text: str, loader_class: type) -> tuple[object, yaml.Node | None]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except LimitError:
        raise
    except RecursionError as exc:  # the limit is lower than the stack allows: never reached
        raise LimitError(f"nested deeper than {LIMITS.max_depth} levels") from exc
    except (ValueError, TypeError, AttributeError, OverflowError, LookupError) as exc:
        raise yaml.YAMLError(f"cannot read a value ({type(exc).__name__}: {exc})") from exc
    finally:
        loader.dispose()
    return data, node
