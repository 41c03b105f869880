"""Tianjin Ten Actions briefing: a desktop presenter for decks written as YAML."""

__version__ = "0.1.0"
