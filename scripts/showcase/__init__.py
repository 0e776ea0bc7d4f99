"""Build tooling for the column of exemplary models (gương điển hình tiên tiến)."""

__version__ = "0.1.0"
