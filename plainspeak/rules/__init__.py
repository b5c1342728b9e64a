"""Rules: each turns pipeline annotations into findings. One rule per ``psNNN_*.py`` module."""

from plainspeak.rules.base import Rule, all_rules, register, resolve

__all__ = ["Rule", "all_rules", "register", "resolve"]
