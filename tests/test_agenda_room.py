"""The tree that finds a case's meeting: checked against the plain search
it replaces, on any list of room (placement itself is tested through
assemble(), in test_agenda_placement.py and test_agenda_assembly.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from aarshjul.agenda.room import MaxTree

rooms = st.lists(st.integers(min_value=-1, max_value=500), min_size=1, max_size=40)


@given(rooms, st.data())
def test_the_tree_answers_as_looking_at_every_meeting_would(values: list[int],
                                                            data: st.DataObject) -> None:
    tree = MaxTree(values)
    for _ in range(5):  # a few meetings filled, then asked again
        index = data.draw(st.integers(0, len(values) - 1))
        values[index] = data.draw(st.integers(-1, 500))
        tree.set(index, values[index])
        first = data.draw(st.integers(0, len(values) - 1))
        last = data.draw(st.integers(first, len(values) - 1))
        need = data.draw(st.integers(0, 500))
        assert tree.largest(first, last) == max(values[first:last + 1])
        expected = next((i for i in range(first, last + 1) if values[i] >= need), None)
        assert tree.first_at_least(first, last, need) == expected
        latest = next((i for i in range(last, first - 1, -1) if values[i] >= need), None)
        assert tree.last_at_least(first, last, need) == latest
