"""What counts as the group's email address, for a reader's copy that sends asks by email.

The address becomes a ``mailto:`` link, so only a plain address is accepted:
a local part, "@" and a domain with a dot, with nothing that could add headers
or recipients to the link built from it.
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")

# What a user is told when a given address is not one.
EXPECTED = "expected one email address, such as group@example.org"


def is_email_address(text: str) -> bool:
    """``text`` is one plain email address, such as ``group@example.org``."""
    return len(text) <= 254 and _EMAIL.fullmatch(text) is not None
