"""Name-based UIDs (RFC 4122 version 5), as text.

``str(uuid.uuid5(namespace, name))`` costs about 10 µs, most of it in
building and checking a UUID object; a plan of 100 weekly bodies names
10,000 meetings and deadlines. The same digits, made from the digest
directly, cost a third of that (the tests hold them to :func:`uuid.uuid5`).
"""

from __future__ import annotations

import hashlib
import uuid

_VARIANT = "89ab"  # the RFC 4122 variant: the 17th digit is 10xx in binary


def uid5(namespace: uuid.UUID | str, name: str) -> str:
    """``str(uuid.uuid5(namespace, name))``; ``namespace`` a UUID or its text."""
    if isinstance(namespace, uuid.UUID):
        space = namespace.bytes
    elif len(namespace) == 36 and namespace.count("-") == 4:  # as str(UUID) writes it
        space = bytes.fromhex(namespace.replace("-", ""))
    else:  # braces, urn:uuid:, … as uuid.UUID reads them (and refuses what it refuses)
        space = uuid.UUID(namespace).bytes
    digits = hashlib.sha1(space + name.encode("utf-8")).digest()[:16].hex()
    return (f"{digits[:8]}-{digits[8:12]}-5{digits[13:16]}-"
            f"{_VARIANT[int(digits[16], 16) & 3]}{digits[17:20]}-{digits[20:]}")
