"""Co-defined glossaries: the data types, reading and layering, CSV, commands."""

from plainspeak.glossary.model import GlossarySet, PlainAlternative, Status, Term

__all__ = ["GlossarySet", "PlainAlternative", "Status", "Term"]
