"""The Qt-free core: deck model, loader and validator, navigation and timing.

Nothing in this package may import PySide6 (a test enforces it).
"""
