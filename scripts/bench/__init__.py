"""``make bench``: speed and memory figures, never asserted by tests.

Each module here with a ``run(out_dir) -> list[Row]`` is one benchmark;
``python -m bench [name ...]`` runs them and prints a table.
"""
