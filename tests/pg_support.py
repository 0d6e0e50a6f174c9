"""The sync tests' PostgreSQL: one throwaway cluster per session (``benchmarks/pg_cluster.py``).

``tests/conftest.py`` loads this module as a plugin: a test names ``hub_dsn``
for a fresh, initialised hub database of its own, or ``pg`` for the cluster.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from benchmarks.pg_cluster import Cluster, make_cluster, pg_bin, remove_cluster

__all__ = ["Cluster", "make_cluster", "pg_bin", "remove_cluster"]


@pytest.fixture(scope="session")
def pg() -> Iterator[Cluster]:
    """The session's cluster (Unix socket only), removed at the end."""
    cluster = make_cluster()
    cluster.start("listen_addresses=''", "fsync=off", "max_connections=60")
    try:
        yield cluster
    finally:
        remove_cluster(cluster)


@pytest.fixture
def hub_dsn(pg: Cluster) -> str:
    """A fresh database with the hub's schema, as its superuser's DSN."""
    from dyade.sync.hub import init_hub

    dsn = pg.create_database()
    init_hub(dsn)
    return dsn
