"""The part of CBOR (RFC 8949) that Pagefind's bundle files use: integers, strings, arrays, maps.

Decoding then encoding a Pagefind file gives back the same bytes (shortest heads,
definite lengths), so a file can be reordered without changing anything else.
"""

from __future__ import annotations

from typing import Any

_SIMPLE = {20: False, 21: True, 22: None}


class CborError(ValueError):
    """Bytes outside the part of CBOR this module reads."""


def loads(data: bytes) -> Any:
    value, end = _decode(data, 0)
    if end != len(data):
        raise CborError(f"{len(data) - end} bytes after the value")
    return value


def dumps(value: Any) -> bytes:
    out = bytearray()
    _encode(value, out)
    return bytes(out)


def _head(data: bytes, pos: int) -> tuple[int, int, int]:
    """(major type, argument, next position)."""
    if pos >= len(data):
        raise CborError("unexpected end")
    major, info = data[pos] >> 5, data[pos] & 31
    if info < 24:
        return major, info, pos + 1
    if info > 27:
        raise CborError(f"unsupported length {info}")
    size = 1 << (info - 24)
    if pos + 1 + size > len(data):
        raise CborError("unexpected end")
    return major, int.from_bytes(data[pos + 1:pos + 1 + size], "big"), pos + 1 + size


def _decode(data: bytes, pos: int) -> tuple[Any, int]:
    major, arg, pos = _head(data, pos)
    if major == 0:
        return arg, pos
    if major == 1:
        return -1 - arg, pos
    if major in (2, 3):
        raw = data[pos:pos + arg]
        if len(raw) != arg:
            raise CborError("unexpected end")
        return (bytes(raw) if major == 2 else raw.decode("utf-8")), pos + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, pos = _decode(data, pos)
            items.append(item)
        return items, pos
    if major == 5:
        pairs = {}
        for _ in range(arg):
            key, pos = _decode(data, pos)
            pairs[key], pos = _decode(data, pos)
        return pairs, pos
    if major == 7 and arg in _SIMPLE and data[pos - 1] & 31 < 24:
        return _SIMPLE[arg], pos
    raise CborError(f"unsupported item (major type {major})")


def _put_head(major: int, arg: int, out: bytearray) -> None:
    if arg < 24:
        out.append(major << 5 | arg)
        return
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            out.append(major << 5 | info)
            out += arg.to_bytes(size, "big")
            return
    raise CborError("integer too large")


def _encode(value: Any, out: bytearray) -> None:
    if value is None or isinstance(value, bool):
        out.append(0xE0 | {False: 20, True: 21, None: 22}[value])
    elif isinstance(value, int):
        _put_head(0, value, out) if value >= 0 else _put_head(1, -1 - value, out)
    elif isinstance(value, bytes):
        _put_head(2, len(value), out)
        out += value
    elif isinstance(value, str):
        raw = value.encode("utf-8")
        _put_head(3, len(raw), out)
        out += raw
    elif isinstance(value, list):
        _put_head(4, len(value), out)
        for item in value:
            _encode(item, out)
    elif isinstance(value, dict):
        _put_head(5, len(value), out)
        for key, item in value.items():
            _encode(key, out)
            _encode(item, out)
    else:
        raise CborError(f"cannot encode {type(value).__name__}")

