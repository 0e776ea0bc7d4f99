"""Sub-commands of ``showcase``: one module each, discovered by ``cli.py``.

A command module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args, ctx: Context) -> int`` (0 valid, 1 invalid content, 2 usage/config).
"""
