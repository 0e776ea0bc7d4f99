"""Photos for the web and share cards: planned as a manifest, made by worker processes.

Owns: ``plan`` (every profile's variants and card: URLs, pixel sizes, cache
entries; starts the work and writes the files into a site), ``jobs`` and
``run`` (the worker processes and the manifest they measure), ``imaging``
(decoding and encoding), ``cards`` and its type (``typeset``),
and ``manifest``, the typed values the rest of ``publish`` reads.

May import: ``showcase.content``, ``showcase.store`` and ``showcase.publish.urls``;
no other sub-package of ``publish``. Pages and feeds read only ``manifest``
(and the error types); only the pipeline starts the work.
"""
