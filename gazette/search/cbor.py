"""CBOR (RFC 8949) for Pagefind's bundle files, by the cbor2 package (a C extension: a large gazette's index
is tens of MB of CBOR, which pure Python decodes about ten times more slowly).

Decoding then encoding a Pagefind file gives back the same bytes (shortest heads,
definite lengths), so a file can be reordered without changing anything else.
"""

from __future__ import annotations

from typing import Any

import cbor2

CborError = cbor2.CBORError  # bytes that are not one well-formed CBOR value


def loads(data: bytes) -> Any:
    return cbor2.loads(data)


def dumps(value: Any) -> bytes:
    return cbor2.dumps(value)
