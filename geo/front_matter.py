"""An article's YAML front matter, read within bounds.

Front matter is a handful of keys, but YAML can nest a value hundreds of levels deep (PyYAML composes
recursively and dies with a RecursionError) or name one value many times through aliases, so that 400
bytes stand for billions of values (the "billion laughs"). Both are refused here, before anything
expands them, with a reason that names the problem.
"""

from __future__ import annotations

import re

import yaml

#: Far more than any article needs (a few keys of text), and quick to parse (PyYAML reads pure Python).
MAX_CHARS = 16 * 1024
#: Nesting levels: a list of lists of mappings is three.
MAX_DEPTH = 20
#: Values (scalars, lists, mappings) once every alias is counted as a copy of what it names.
MAX_VALUES = 10_000


class FrontMatterError(ValueError):
    """Front matter that cannot be used; the message says why, in one short line."""


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader that stops at `MAX_DEPTH` levels or `MAX_VALUES` values with aliases expanded, and
    without implicit timestamps: dates stay text, so we validate them and say what is wrong."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0
        # Values each composed node stands for, by node identity (nodes live as long as the loader),
        # and in all so far: stopping on the total stops a long list as soon as it passes the bound.
        self._values: dict[int, int] = {}
        self._total = 0

    def compose_node(self, parent, index):
        alias = self.check_event(yaml.AliasEvent)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise FrontMatterError(
                    f"front matter nests deeper than {MAX_DEPTH} levels (line {mark.line + 2})")
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if alias:  # as many values as the node it names (one while that node is still open: a cycle)
            self._total += self._values.get(id(node), 1)
        else:
            self._values[id(node)] = 1 + sum(self._values.get(id(child), 1) for child in _children(node))
            self._total += 1
        if self._total > MAX_VALUES:
            raise FrontMatterError(
                f"front matter stands for more than {MAX_VALUES:,} values once its YAML aliases are "
                f"expanded; write the values out instead of repeating aliases")
        return node


_BoundedLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _children(node: yaml.Node):
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    return ()


# Front matter as nearly every article writes it: `key: value` lines, none indented, and no character that
# opens an alias, anchor, tag, block scalar, flow collection, escape or comment, nor any odd line break or
# control character. Such text nests two levels at most and names each value once, so it cannot exceed the
# bounds above; libyaml may read it (see `_fast_load`).
_FLAT = re.compile(r"(?:[A-Za-z_][A-Za-z0-9_-]*:(?: [^\n]*)?)?(?:\n[A-Za-z_][A-Za-z0-9_-]*:(?: [^\n]*)?|\n)*")
_FLAT_EXCLUDED = re.compile(r"[*&!|>\[\]{}#%@`\\\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _fast_load(text: str) -> tuple[bool, object]:
    """(True, the value) of flat front matter (`_FLAT`) read by libyaml, with `_BoundedLoader`'s resolvers;
    (False, None) for any other text or any error, which `_BoundedLoader` then reads and words.

    PyYAML's pure-Python parser took ~1 ms an article, about a seventh of a build's CPU; libyaml takes
    0.15 ms. Both parse flat `key: value` lines alike (checked on every corpus and in tests/test_articles.py).
    """
    if _CLoader is None or _FLAT_EXCLUDED.search(text) or not _FLAT.fullmatch(text):
        return False, None
    try:
        return True, yaml.load(text, Loader=_CLoader)
    except Exception:  # noqa: BLE001 - the bounded loader reads it again, and says what is wrong
        return False, None


def _c_loader() -> type | None:
    if not getattr(yaml, "__with_libyaml__", False):
        return None

    class _FlatCLoader(yaml.CSafeLoader):
        """libyaml's parser with `_BoundedLoader`'s resolvers (dates stay text)."""

    _FlatCLoader.yaml_implicit_resolvers = _BoundedLoader.yaml_implicit_resolvers
    return _FlatCLoader


_CLoader = _c_loader()


def load_front_matter(text: str) -> object:
    """The value of the YAML in `text` (the lines between the `---` lines); `FrontMatterError` says why not."""
    if len(text) > MAX_CHARS:
        raise FrontMatterError(f"front matter is longer than {MAX_CHARS:,} characters")
    fast, value = _fast_load(text)
    if fast:
        return value
    try:
        return yaml.load(text, Loader=_BoundedLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or exc
        raise FrontMatterError(f"front matter is not valid YAML{where}: {problem}") from None
    except RecursionError:  # what the bounds above should already have caught
        raise FrontMatterError("front matter nests too deep to read") from None
    except FrontMatterError:
        raise
    except (ValueError, TypeError, AttributeError, OverflowError) as exc:
        # A tagged value its constructor cannot build ("!!timestamp x"), an integer of 10,000 digits…
        raise FrontMatterError(f"front matter has a value YAML cannot build: {type(exc).__name__}: {exc}") from None
