"""Export formats: the interface (exporter.py), the registry (registry.py) and PDF, the first."""
