"""Offline-first sync of a clinic's laptops through a PostgreSQL hub.

The hub (``hub``, ``hub_schema``) stores each clinic's ordered log of sealed
changes and never sees a name, a code or an answer in clear. The laptop keeps
its SQLCipher database as the source of truth: an outbox filled in the same
transaction as each change (``dyade.storage.outbox``) is pushed idempotently,
then what other devices wrote is pulled and merged by UUID (``engine``).
See docs/SYNC.md.
"""
