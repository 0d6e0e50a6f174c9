"""Over visits: rupture–repair episodes, brief-form drop alerts, convergence, attention."""

from __future__ import annotations

import pytest

from dyade.analysis import DyadHistory, Thresholds, VisitPoint, analyse_history, attention_rank
from dyade.analysis.trajectory import dyad_gap


def series(patient_bond: list[float | None], physician_bond=None, use="brief") -> list[VisitPoint]:
    physician_bond = physician_bond or [4.0] * len(patient_bond)
    return [
        VisitPoint(visit=i + 1, use=use, patient={"bond": p}, physician={"bond": d})
        for i, (p, d) in enumerate(zip(patient_bond, physician_bond, strict=True))
    ]


def episodes(history: DyadHistory, side="patient"):
    return [e for e in history.episodes if e.side == side and e.subscale == "bond"]


def test_drop_then_recovery_is_a_repaired_episode():
    history = analyse_history(series([4.5, 4.6, 3.0, 3.8, 4.5]))
    (episode,) = episodes(history)
    assert episode.status == "repaired"
    assert (episode.before_visit, episode.visit, episode.recovered_visit) == (2, 3, 5)
    assert episode.strict  # 1.6 points is beyond reliable change too
    assert history.unresolved == []


def test_drop_without_recovery_is_unresolved():
    history = analyse_history(series([4.5, 4.6, 3.0, 3.5]))
    (episode,) = episodes(history)
    assert episode.status == "unresolved"
    assert episode.recovered_visit is None and not episode.window_closed
    assert attention_rank(None, history) == 10  # strict unresolved episode


def test_recovery_after_k_visits_does_not_count():
    th = Thresholds()
    late = [4.5, 3.0, 3.2, 3.3, 3.4, 4.5]  # recovery at the 4th visit after the drop
    (episode, *_rest) = episodes(analyse_history(series(late), thresholds=th))
    assert episode.status == "unresolved" and episode.window_closed
    wider = th.model_copy(update={"recovery_visits": 4})
    (episode, *_rest) = episodes(analyse_history(series(late), thresholds=wider))
    assert episode.status == "repaired"


def test_lenient_but_not_strict_drop():
    th = Thresholds()
    drop = (th.lenient_drop("patient") + th.reliable_change("patient")) / 2
    history = analyse_history(series([4.5, 4.5 - drop, 4.5]))
    (episode,) = episodes(history)
    assert not episode.strict and episode.status == "repaired"


def test_small_changes_and_gaps_make_no_episode():
    history = analyse_history(series([4.5, 4.2, None, 4.4, 4.0]))
    assert history.episodes == []
    points = history.series["patient"]["bond"]
    assert [p.value for p in points] == [4.5, 4.2, None, 4.4, 4.0]


def test_physician_side_episodes_are_tracked_too():
    history = analyse_history(series([5, 5, 5], physician_bond=[4.0, 2.5, 4.0]))
    (episode,) = episodes(history, side="physician")
    assert episode.status == "repaired"


def test_brief_form_drop_of_one_point_raises_an_alert():
    history = analyse_history(series([5, 4, 4]))
    assert [(a.from_visit, a.to_visit, a.drop) for a in history.drop_alerts] == [(1, 2, 1.0)]
    assert history.current_alerts == []
    latest = analyse_history(series([5, 5, 4]))
    assert [a.to_visit for a in latest.current_alerts] == [3]
    assert attention_rank(None, latest) == 10  # also an unresolved strict episode
    th = Thresholds(lenient_drop_sd=2.0)
    alert_only = analyse_history(series([5, 5, 4]), thresholds=th)
    assert alert_only.episodes == [] and alert_only.current_alerts
    assert attention_rank(None, alert_only) == 16  # category 1, severity 1
    full = analyse_history(series([5, 5, 4], use="full"))
    assert full.drop_alerts == []


@pytest.mark.parametrize(
    ("patient", "physician", "status"),
    [
        ([5, 5, 5, 5], [2.5, 3.0, 3.5, 4.2], "converging"),
        ([5, 5, 5, 5], [4.6, 4.0, 3.2, 2.5], "diverging"),
        ([4.6, 4.6, 4.6], [4.2, 4.2, 4.2], "stable"),
        ([5, 5], [3, 3], "insufficient"),
    ],
)
def test_convergence(patient, physician, status):
    history = analyse_history(series(patient, physician_bond=physician))
    assert history.convergence.status == status


def test_gap_removes_the_expected_offset():
    th = Thresholds()
    point = VisitPoint(visit=1, patient={"bond": 4.5}, physician={"bond": 4.5 - th.expected_offset})
    assert dyad_gap(point, th) == pytest.approx(0.0)


def test_visits_in_any_order_and_round_trip():
    points = series([4.5, 4.6, 3.0, 3.8, 4.5])
    history = analyse_history(list(reversed(points)))
    assert history.visits == [1, 2, 3, 4, 5]
    assert DyadHistory.from_dict(history.to_dict()) == history
