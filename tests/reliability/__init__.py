"""Reliability: hostile input, fuzzing, interrupted exports, no network, crash handling."""
