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
        (2.5, 6.0), (1.0, 2.0), (round(6.4 - TAU, 2), 0.5)]
    # The gap over the top: from the last reach's end (6.4 - 2π) to 0.5.
    over = track.gap_at(0.2)
    assert over is not None
    assert over.start == pytest.approx(6.4 - TAU)
    assert over.end == pytest.approx(0.5)
    assert track.gap_at(0.7) is None  # taken
    assert Track().gaps() == [Reach(0.0, TAU)]


def test_what_is_taken_over_the_top_is_taken_after_it_too() -> None:
    """A stretch from 6.0 to 6.6 takes 0 to 0.32 as well, past the first
    stretch's end."""
    gaps = Track([Reach(0.1, 0.2), Reach(6.0, 6.6)]).gaps()
    assert [(round(g.start, 3), round(g.end, 3)) for g in gaps] == [(round(6.6 - TAU, 3), 6.0)]
    assert Track([Reach(-0.2, 0.1)]).gaps() == [Reach(pytest.approx(0.1),
                                                      pytest.approx(TAU - 0.2))]


def test_a_ring_s_name_takes_its_widest_gap_and_then_that_gap_is_taken() -> None:
    track = Track([Reach(0.0, 3.0), Reach(4.0, 6.0)])
    named = name_ring("r", "Rådmandsmøde", inner=200, outer=240, mark=7, track=track)
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
    named = name_ring("r", name, inner=150, outer=180, mark=7, track=track)
    assert named is not None
    assert named.size < 13
    taken = fonts.width(name, named.size) * fonts.SLACK / (165 - 0.35 * named.size)
    assert taken <= 0.9
    assert named.text == name  # whole


def test_a_ring_too_thin_to_read_is_not_named() -> None:
    assert name_ring("r", "Udvalg", inner=200, outer=208, mark=3, track=Track()) is None


def test_in_a_wide_ring_the_name_runs_beside_the_marks_at_its_full_size() -> None:
    """Marks all round (a weekly meeting, no summer break) leave no gap, but
    a ring 122 wide has room for a lane of its own along its outer edge."""
    weekly = [Reach(n * TAU / 52 - 0.06, n * TAU / 52 + 0.06) for n in range(52)]
    track = Track(weekly)
    named = name_ring("r", "Social- og Beskæftigelsesudvalget", inner=252, outer=374, mark=7,
                      track=track)
    assert named is not None
    assert named.size == 13
    # The letters' middle near the outer edge, clear of the marks round 313.
    middle = named.arc.radius + (-0.35 if named.arc.back else 0.35) * 13
    assert middle == pytest.approx(374 - 0.75 * 13)
    assert middle - 0.75 * 13 > 313 + 7
    assert track.taken == weekly  # the marks' track is left to the cases' labels


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
    found = letter_rings("w", [("Byrådet", 300, 340, 7, marks)],
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


def test_a_label_keeps_its_place_from_the_next() -> None:
    """Two meetings a turn's sixth apart, the second with its neighbour close
    after it: the first's label runs after it, and the second's, which must
    go before it, finds that room taken and is cut or left out."""
    track = Track([Reach(0.99, 1.01), Reach(1.99, 2.01), Reach(2.03, 0.9 + TAU)])
    title = "Budgetopfølgning pr. 31. marts for alle udvalg"
    first = label_case("a", [title], Reach(0.99, 1.01), inner=300, outer=340, track=track)
    second = label_case("b", [title], Reach(1.99, 2.01), inner=300, outer=340, track=track)
    assert first is not None
    spans = [first]
    if second is not None:
        spans.append(second)
    reaches = []
    for word in spans:
        half = (word.arc.end - word.arc.start) / 2 / 1.4
        middle = (word.arc.start + word.arc.end) / 2
        reaches.append((middle - half, middle + half))
    assert (first.arc.start + first.arc.end) / 2 > 1.01  # after its mark
    if len(reaches) == 2:
        (a0, a1), (b0, b1) = reaches
        assert a1 <= b0 or b1 <= a0
