"""A state machine over random offline spells and interleavings: every laptop ends equal.

Each step writes on one laptop (a new patient with a visit, an answer, a completed
response), or one laptop syncs, or loses or regains the hub. At the end every
laptop is back online and syncs twice: all of them hold the same records and no
conflict. Small in the normal suite; ``DYADE_FAULTS_LONG=1`` runs it longer.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from dyade.storage import outbox
from dyade.storage.responses import complete_response, save_answer
from dyade.sync import hub
from dyade.sync.hub import HubUnreachable
from sync_support import contents, laptops, new_visit, open_conflicts

LONG = os.environ.get("DYADE_FAULTS_LONG") == "1"
ITEMS = ("p_bond_listened", "p_bond_considered", "p_bond_judged", "p_bond_trust")
LAPTOPS = 3


def _machine(pg, folder):
    class Clinic(RuleBasedStateMachine):
        """Three laptops of one clinic and their hub."""

        @initialize()
        def start(self):
            self.round = getattr(Clinic, "runs", 0)
            Clinic.runs = self.round + 1
            dsn = pg.create_database()
            hub.init_hub(dsn)
            here = folder / f"run-{self.round}"
            here.mkdir()
            self.laptops = laptops(dsn, here, LAPTOPS)
            for laptop in self.laptops:
                laptop.sync()
            self.online = [True] * LAPTOPS
            self.open = [[] for _ in range(LAPTOPS)]  # (response, items left) of each laptop
            self.made = 0

        @rule(n=st.integers(0, LAPTOPS - 1))
        def new_patient(self, n):
            self.made += 1
            response, _visit = new_visit(
                self.laptops[n].db, f"P{self.made}", f"Name {self.made}", f"doc{self.made}"
            )
            self.open[n].append([response, list(ITEMS)])

        @rule(n=st.integers(0, LAPTOPS - 1), value=st.integers(0, 4))
        def answer(self, n, value):
            if self.open[n]:
                response, left = self.open[n][-1]
                save_answer(self.laptops[n].db, response, left.pop(), value)
                if not left:
                    complete_response(self.laptops[n].db, response)
                    self.open[n].pop()

        @rule(n=st.integers(0, LAPTOPS - 1))
        def toggle_network(self, n):
            self.online[n] = not self.online[n]

        @rule(n=st.integers(0, LAPTOPS - 1))
        def sync(self, n):
            laptop = self.laptops[n]
            if self.online[n]:
                laptop.sync()
                assert outbox.waiting(laptop.db) == 0
            else:
                waiting = outbox.waiting(laptop.db)
                away = laptop.conninfo.replace("port=", "port=1", 1)
                with pytest.raises(HubUnreachable):
                    laptop.db and __import__("dyade.sync.engine").sync.engine.sync(laptop.db, away)
                assert outbox.waiting(laptop.db) == waiting

        @invariant()
        def no_conflict(self):
            for laptop in getattr(self, "laptops", []):
                assert open_conflicts(laptop.db) == []

        def teardown(self):
            for _ in range(2):
                for laptop in getattr(self, "laptops", []):
                    laptop.sync()
            if hasattr(self, "laptops"):
                first = contents(self.laptops[0].db)
                for laptop in self.laptops[1:]:
                    assert contents(laptop.db) == first
                for laptop in self.laptops:
                    laptop.close()

    return Clinic


def test_random_partitions_and_interleavings_end_with_every_laptop_equal(pg, tmp_path):
    machine = _machine(pg, tmp_path)
    machine.TestCase.settings = settings(
        max_examples=60 if LONG else 6,
        stateful_step_count=40 if LONG else 14,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=not LONG,
    )
    run_state_machine_as_test(machine, settings=machine.TestCase.settings)
