"""A Griffe extension: render arnewsparse's reST-flavoured docstrings as Markdown.

The package's docstrings use Sphinx roles (``:func:`parse```) and bare doctest
blocks (``>>> ...``).  mkdocstrings renders docstrings as Markdown, so this
extension rewrites, once the package is loaded:

* ``:func:`name```, ``:class:``, ``:meth:``, ``:attr:``, ``:mod:``, ``:data:``,
  ``:exc:`` and ``:obj:`` roles into cross-references to the API pages (a name
  is looked up in the enclosing class, then its module, then the package; a
  target that is not documented on the site renders as plain code);
* runs of doctest lines into fenced ``pycon`` blocks.

It changes nothing in the package itself.  mkdocs.yml loads it with
``extensions: [docs/griffe_markdown.py]``.
"""

from __future__ import annotations

import html
import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:func|class|meth|attr|mod|data|exc|obj|py:\w+):`~?([^`]+)`")
_PROMPT = re.compile(r"^(\s*)>>> ")


def _resolve(obj: griffe.Object, name: str) -> str:
    """The identifier ``name`` refers to from inside ``obj``."""
    package = obj.package
    root_all = {str(n) for n in (package.exports or ())}
    if name.startswith(package.name + "."):
        return name
    head = name.split(".", 1)[0]
    if head in root_all:
        return f"{package.name}.{name}"
    scopes: list[griffe.Object] = []
    scope: griffe.Object | None = obj
    while scope is not None:
        if scope.is_class or scope.is_module:
            scopes.append(scope)
        scope = scope.parent
    for s in scopes:
        if head in s.members:
            return f"{s.path}.{name}"
    if package.name + "." + head in (m.path for m in package.modules.values()):
        return f"{package.name}.{name}"
    return name


def _canonical(obj: griffe.Object, identifier: str) -> str:
    """The path where ``identifier`` is defined (``arnewsparse.parse`` -> ``arnewsparse.article.parse``).

    mkdocstrings registers an object under its canonical path too, so a link to
    it resolves whether the page renders the re-export or the defining module.
    """
    package = obj.package
    if not identifier.startswith(package.name + "."):
        return identifier
    name = identifier[len(package.name) + 1 :]
    try:
        found = package[name]
    except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        # not re-exported (yet): the one public module that defines it
        owners = [m for m in package.modules.values() if name in {str(n) for n in (m.exports or ())}]
        return f"{owners[0].path}.{name}" if len(owners) == 1 else identifier
    try:
        return str(found.canonical_path)
    except (griffe.AliasResolutionError, griffe.CyclicAliasError):
        return identifier


def _link(obj: griffe.Object, match: re.Match[str]) -> str:
    target = match.group(1)
    shown = target.rsplit(".", 1)[-1] if match.group(0).startswith(":meth:") else target
    identifier = _canonical(obj, _resolve(obj, target))
    code = f"<code>{html.escape(shown)}</code>"
    return f'<autoref identifier="{html.escape(identifier)}" optional>{code}</autoref>'


def _fence_doctests(text: str) -> str:
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = _PROMPT.match(lines[i])
        prev_fence = i > 0 and lines[i - 1].lstrip().startswith("```")
        if m and not prev_fence and not _inside_fence(out):
            indent = m.group(1)
            block: list[str] = []
            while i < len(lines) and lines[i].strip():
                line = lines[i]
                block.append(line[len(indent) :] if line.startswith(indent) else line.lstrip())
                i += 1
            out.append(f"{indent}```pycon")
            out.extend(indent + b for b in block)
            out.append(f"{indent}```")
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _inside_fence(lines: list[str]) -> bool:
    return sum(1 for line in lines if line.lstrip().startswith("```")) % 2 == 1


def _rewrite(obj: griffe.Object) -> None:
    if obj.docstring is not None:
        text = obj.docstring.value
        text = _fence_doctests(text)
        text = _ROLE.sub(lambda m: _link(obj, m), text)
        obj.docstring.value = text
    for member in obj.members.values():
        if not member.is_alias:
            _rewrite(member)  # type: ignore[arg-type]


class MarkdownDocstrings(griffe.Extension):
    """Rewrite Sphinx roles and doctest blocks once a package is loaded."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        _rewrite(pkg)
