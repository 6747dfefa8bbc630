"""The words along the wheel's circles: each set where its track is free,
sized to its band, and cut at a word where a case's title is long."""

from __future__ import annotations

import math

import pytest

from aarshjul.wheel import fonts
from aarshjul.wheel.lettering import (
    Reach,
    Track,
    label_case,
    letter_rings,
    name_ring,
    name_theme,
)

TAU = 2 * math.pi


def test_the_gaps_of_a_track_widest_first_and_round_the_top() -> None:
    track = Track([Reach(0.5, 1.0), Reach(2.0, 2.5), Reach(6.0, 6.4)])
    gaps = track.gaps()
    assert [(round(g.start, 2), round(g.end, 2)) for g in gaps] == [
        (2.5, 6.0), (1.0, 2.0), (6.4, round(0.5 + TAU, 2))]
    # The gap over the top: from the last reach's end (6.4 - 2π) to 0.5.
    over = track.gap_at(0.2)
    assert over is not None
    assert over.start == pytest.approx(6.4 - TAU)
    assert over.end == pytest.approx(0.5)
    assert track.gap_at(0.7) is None  # taken
    assert Track().gaps() == [Reach(0.0, TAU)]


def test_a_ring_s_name_takes_its_widest_gap_and_then_that_gap_is_taken() -> None:
    track = Track([Reach(0.0, 3.0), Reach(4.0, 6.0)])
    named = name_ring("r", "Rådmandsmøde", 200, 240, track)
    assert named is not None
    assert (named.kind, named.text, named.title) == ("ring-name", "Rådmandsmøde", "Rådmandsmøde")
    assert named.size == 13  # the largest: the ring is 40 wide
    middle = (named.arc.start + named.arc.end) / 2
    assert middle == pytest.approx(3.5)  # the middle of the gap from 3 to 4
    assert named.arc.back  # on the lower half: upright, so it runs back
    assert track.gap_at(3.5) is None


def test_a_long_name_in_a_short_gap_gets_smaller_until_it_fits() -> None:
    name = "Social- og Beskæftigelsesudvalget"
    track = Track([Reach(0.6, TAU - 0.3)])  # 0.9 radians free over the top
    named = name_ring("r", name, 150, 180, track)
    assert named is not None
    assert named.size < 13
    taken = fonts.width(name, named.size) * fonts.SLACK / (165 - 0.35 * named.size)
    assert taken <= 0.9
    assert named.text == name  # whole


def test_a_ring_too_thin_to_read_is_not_named() -> None:
    assert name_ring("r", "Udvalg", 200, 208, Track()) is None


def test_a_theme_s_name_runs_along_its_longest_arc() -> None:
    named = name_theme("t", "Budget 2026", "Budget 2026: 1. januar – 31. oktober", inner=400,
                       outer=414, arcs=[Reach(0.1, 0.2), Reach(1.0, 2.0)], track=Track())
    assert named is not None
    assert named.text == "Budget 2026"
    assert named.title == "Budget 2026: 1. januar – 31. oktober"
    assert (named.arc.start + named.arc.end) / 2 == pytest.approx(1.5)
    assert named.size == pytest.approx(14 * 0.62)


def test_a_case_label_is_whole_where_there_is_room() -> None:
    track = Track([Reach(1.0, 1.02)])
    label = label_case("c", ["Budget", "Takster"], Reach(1.0, 1.02), inner=300, outer=330,
                       track=track)
    assert label is not None
    assert (label.text, label.title) == ("Budget (+1)", "Budget; Takster")
    middle = (label.arc.start + label.arc.end) / 2
    assert middle > 1.02  # after its mark


def test_a_long_case_title_is_cut_at_a_word_and_never_to_a_stub() -> None:
    title = "Årsregnskab 2016 – godkendelse af regnskabet og overførsler"
    # Room for about twenty letters after the mark, and none before it.
    room = fonts.width("Årsregnskab 2016 –…", 10) * fonts.SLACK / 300 + 0.05
    track = Track([Reach(0.98, 1.0), Reach(1.0 + room, 3.0)])
    label = label_case("c", [title], Reach(0.98, 1.0), inner=300, outer=330, track=track)
    assert label is not None
    assert label.text == "Årsregnskab 2016…"  # not after the dash
    assert label.title == title
    # Room for "1.…" and little more: a label so short says nothing.
    short = (fonts.width("1.…", 10) * fonts.SLACK + 10) / (315 - 3.5) + 0.02
    assert short < (fonts.width("1. behandling…", 10) * fonts.SLACK + 10) / 311.5
    stub = Track([Reach(0.98, 1.0), Reach(1.0 + short, 0.95 + TAU)])
    assert label_case("c", ["1. behandling af budgettet"], Reach(0.98, 1.0), inner=300,
                      outer=330, track=stub) is None


def test_labels_of_one_ring_never_take_the_same_angles() -> None:
    marks = [Reach(a, a + 0.02) for a in (0.5, 0.7, 0.9, 3.0)]
    found = letter_rings("w", [("Byrådet", 300, 340, marks)],
                         {0: [(mark, ["Budgetopfølgning pr. 31. marts"]) for mark in marks]})
    kinds = [word.kind for word in found]
    assert kinds[0] == "ring-name"
    reaches = []
    for word in found:
        half = (word.arc.end - word.arc.start) / 2 / 1.4  # the path is 1.4 times the word
        middle = (word.arc.start + word.arc.end) / 2
        reaches.append((middle - half, middle + half))
    for index, (a0, a1) in enumerate(reaches):
        for b0, b1 in reaches[index + 1:]:
            assert a1 <= b0 + 1e-9 or b1 <= a0 + 1e-9
    assert len({word.id for word in found}) == len(found)
