"""Dyade's benchmarks: each figure measured against a floor taken in the same run.

Run ``python -m benchmarks [--quick] [--only NAME]``. Every figure is a ratio
to a floor measured on the same machine a moment before (a bare Qt window, a
bare reportlab page, a bare SQLite commit), so the table holds on any laptop.
The harness is core code: Qt only ever runs in child processes.
"""
