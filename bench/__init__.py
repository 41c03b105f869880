"""Benchmarks: start-up, navigation, export and scale, measured against the budgets of issue 6.

Run ``python -m bench`` (``--quick`` for a short run); see :mod:`bench.run`.
"""
