"""Read the stream names of an OLE2 compound file, and nothing more.

Old Word ``.doc`` files and password-protected ``.docx`` files are both OLE2
containers; the names of their streams tell them apart (``WordDocument``
versus ``EncryptionInfo`` plus ``EncryptedPackage``). Only the directory is
read. A damaged directory falls back to searching for the UTF-16 names.
"""

from __future__ import annotations

import struct

_END_OF_CHAIN = 0xFFFFFFFE
_HEADER_DIFAT_ENTRIES = 109
_DIR_ENTRY = 128
_KNOWN = ("WordDocument", "EncryptionInfo", "EncryptedPackage")


def ole_stream_names(data: bytes) -> set[str]:
    """Names in the OLE2 directory of ``data`` (an empty set if unreadable)."""
    try:
        names = _directory_names(data)
    except (struct.error, IndexError, ValueError):
        names = set()
    if not names:
        names = {name for name in _KNOWN if name.encode("utf-16-le") in data}
    return names


def _directory_names(data: bytes) -> set[str]:
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    if not 7 <= shift <= 16:
        return set()
    size = 1 << shift
    fat = _read_fat(data, size)
    names: set[str] = set()
    for sector in _chain(fat, struct.unpack_from("<I", data, 0x30)[0]):
        start = (sector + 1) * size
        for entry in range(start, min(start + size, len(data)), _DIR_ENTRY):
            length = struct.unpack_from("<H", data, entry + 0x40)[0]
            if 2 <= length <= 64:
                raw = data[entry : entry + length - 2]
                names.add(raw.decode("utf-16-le", errors="replace"))
    return names


def _read_fat(data: bytes, size: int) -> list[int]:
    """The file allocation table, following extra DIFAT sectors if any."""
    locations = list(struct.unpack_from(f"<{_HEADER_DIFAT_ENTRIES}I", data, 0x4C))
    difat = struct.unpack_from("<I", data, 0x44)[0]
    per_sector = size // 4 - 1
    seen: set[int] = set()
    while difat < _END_OF_CHAIN and difat not in seen and len(seen) < 10_000:
        seen.add(difat)
        offset = (difat + 1) * size
        locations.extend(struct.unpack_from(f"<{per_sector}I", data, offset))
        difat = struct.unpack_from("<I", data, offset + per_sector * 4)[0]
    fat: list[int] = []
    for sector in locations:
        offset = (sector + 1) * size
        if sector >= _END_OF_CHAIN - 2 or offset + size > len(data):
            continue
        fat.extend(struct.unpack_from(f"<{size // 4}I", data, offset))
    return fat


def _chain(fat: list[int], first: int) -> list[int]:
    """The sectors of a chain, stopping at a loop or a bad link."""
    sectors: list[int] = []
    seen: set[int] = set()
    sector = first
    while sector < len(fat) and sector not in seen:
        seen.add(sector)
        sectors.append(sector)
        sector = fat[sector]
    return sectors
