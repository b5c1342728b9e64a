"""The shape every rule has, and the registry that finds them.

A rule is a small class with a stable ``code`` (``PS101``), a problem ``name``
(``undefined-term``), a default severity and options, and a ``check`` method
that turns the pipeline's annotations into findings. Its docstring *is* its
documentation: fixed sections ``What it flags``, ``Why it matters``,
``Example`` and ``Prefer``, from which ``plainspeak rules``, the docs and the
SARIF rule text are generated.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar, Iterable

from plainspeak.findings import Finding, Severity

if TYPE_CHECKING:
    from plainspeak.analysis import Analysis

DOC_SECTIONS = ("What it flags", "Why it matters", "Example", "Prefer")
_CODE = re.compile(r"^PS\d{3}$")


@dataclass(frozen=True)
class RuleDoc:
    """A rule's documentation, parsed from its docstring."""

    summary: str
    sections: dict[str, str]

    def section(self, title: str) -> str:
        return self.sections.get(title, "")


class Rule:
    """Base for all rules. Subclasses set the class attributes and ``check``."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    enabled_by_default: ClassVar[bool] = True
    aliases: ClassVar[tuple[str, ...]] = ()  # old codes a moved rule keeps answering to
    options: ClassVar[dict[str, Any]] = {}

    def check(self, analysis: "Analysis") -> Iterable[Finding]:
        raise NotImplementedError

    @classmethod
    def option(cls, analysis: "Analysis", name: str) -> Any:
        if name not in cls.options:
            raise KeyError(f"{cls.code} has no option {name!r}")
        return analysis.settings.rule_option(cls.code, name, cls.options[name])

    @classmethod
    def option_for(cls, analysis: "Analysis", name: str, strict: bool) -> Any:
        """Option ``name``, or its ``strict_`` twin for a part citizens read first."""
        return cls.option(analysis, f"strict_{name}" if strict else name)

    @classmethod
    def doc(cls) -> RuleDoc:
        return parse_docstring(cls.__doc__ or "")


def parse_docstring(text: str) -> RuleDoc:
    """Split a rule docstring into its summary line and titled sections."""
    lines = [line.rstrip() for line in _dedent(text).splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    summary = lines[0].strip() if lines else ""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines[1:]:
        title = line.strip().rstrip(":")
        if title in DOC_SECTIONS and line.strip().endswith(":"):
            current = sections.setdefault(title, [])
        elif current is not None:
            current.append(line)
    return RuleDoc(summary, {k: "\n".join(v).strip() for k, v in sections.items()})


def _dedent(text: str) -> str:
    import inspect

    return inspect.cleandoc(text)


_REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry, checking its code is new."""
    if not _CODE.match(cls.code):
        raise ValueError(f"rule code {cls.code!r} is not of the form PS123")
    if cls.code in _REGISTRY and _REGISTRY[cls.code] is not cls:
        raise ValueError(f"rule code {cls.code} is used twice")
    missing = [s for s in ("What it flags", "Why it matters") if not cls.doc().section(s)]
    if missing:
        raise ValueError(f"{cls.code} docstring lacks sections {missing}")
    _REGISTRY[cls.code] = cls
    return cls


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every registered rule, sorted by code (imports each ``ps*.py`` module once)."""
    import plainspeak.rules as package

    for module in pkgutil.iter_modules(package.__path__):
        if module.name.startswith("ps"):
            importlib.import_module(f"{package.__name__}.{module.name}")
    return tuple(sorted(_REGISTRY.values(), key=lambda rule: rule.code))


def resolve(identifier: str) -> type[Rule] | None:
    """A rule by code, old code (alias) or name."""
    wanted = identifier.strip()
    for rule in all_rules():
        if wanted.upper() == rule.code or wanted.upper() in rule.aliases or wanted == rule.name:
            return rule
    return None
