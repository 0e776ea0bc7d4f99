"""Compiled templates kept between builds, as sealed entries of the build cache.

``mkdocs serve`` makes a new Jinja environment, and would compile every
template again, on each rebuild; a cold ``showcase build`` compiles each
once. Jinja's own FileSystemBytecodeCache trusts what it reads: a truncated
or garbled file makes its ``pickle.load`` raise, a traceback in the build.
Here each entry is sealed (:mod:`showcase.store.sealed`: whole, under its own
name, by this release, or a miss), named by the template and its source's
checksum (so an entry never changes once written), and Jinja's own header
(its version, Python's, the checksum) is checked again inside.
"""

from __future__ import annotations

import contextlib
import os

from jinja2.bccache import Bucket, BytecodeCache

from showcase.store import sealed


class SealedBytecodeCache(BytecodeCache):
    def __init__(self, folder: str) -> None:
        self.folder = folder

    def _path(self, bucket: Bucket) -> str:
        return os.path.join(self.folder, f"{bucket.key}-{bucket.checksum}")

    def load_bytecode(self, bucket: Bucket) -> None:
        payload = sealed.read(self._path(bucket))
        if payload is not None:
            bucket.bytecode_from_string(payload)  # Jinja resets it on a mismatch

    def dump_bytecode(self, bucket: Bucket) -> None:
        path = self._path(bucket)
        with contextlib.suppress(OSError):  # a read-only cache: compiled again next time
            sealed.write(path, bucket.bytecode_to_string())
            for entry in os.scandir(self.folder):  # this template's older sources
                if entry.name.startswith(bucket.key + "-") and entry.path != path:
                    os.unlink(entry.path)

    def clear(self) -> None:
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.folder):
                os.unlink(entry.path)
