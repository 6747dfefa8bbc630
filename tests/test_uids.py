"""Name-based UIDs are RFC 4122's version 5, to the digit."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aarshjul.uids import uid5


@given(st.uuids(), st.text(max_size=80))
def test_uid5_is_uuid5(namespace: uuid.UUID, name: str) -> None:
    assert uid5(namespace, name) == str(uuid.uuid5(namespace, name))
    for written in (str(namespace), str(namespace).upper(), f"{{{namespace}}}",
                    namespace.urn, namespace.hex):
        assert uid5(written, name) == str(uuid.uuid5(namespace, name))
    with pytest.raises(ValueError, match="hexadecimal UUID string"):
        uid5(str(namespace)[:-1], name)


