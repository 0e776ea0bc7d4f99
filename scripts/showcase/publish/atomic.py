"""Atomic writes: the site (a lock, a temporary folder, two renames) and every
output file a command writes (a hidden temporary file, a rename).

The site is built into a temporary folder next to ``site/`` and swapped in
only when everything succeeded, so a failed or killed build leaves the last
good site as it was. A lock file keeps two builds from interleaving; the build
that holds it removes it when done.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator, Mapping

TMP_PREFIX = ".site-tmp-"
OLD_PREFIX = ".site-old-"
LOCK_NAME = ".site.lock"


class BuildLocked(Exception):
    """Another build holds the lock."""


class BuildFailed(Exception):
    """MkDocs or a plugin step failed; the message is for the user."""


@contextlib.contextmanager
def build_lock(site_dir: str) -> Iterator[None]:
    parent = os.path.dirname(os.path.abspath(site_dir)) or "."
    os.makedirs(parent, exist_ok=True)
    path = os.path.join(parent, LOCK_NAME)
    while True:
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise BuildLocked(
                "Một lần dựng trang khác đang chạy trên thư mục này; hãy chờ nó xong rồi chạy lại."
            ) from None
        # The build that held it may have removed the file between our open and
        # flock: a lock on a removed file keeps nobody out, so take the new one.
        try:
            if os.path.samestat(os.fstat(fd), os.stat(path)):
                break
        except FileNotFoundError:
            pass
        os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)  # while still held: no one else can be inside
        os.close(fd)  # closing releases the lock, also when the process is killed


def new_site_folder(site_dir: str) -> str:
    """An empty temporary folder beside ``site_dir`` to build into, with the
    permissions a folder made by ``mkdir`` would have (a web server must read it)."""
    tmp = tempfile.mkdtemp(prefix=TMP_PREFIX, dir=os.path.dirname(os.path.abspath(site_dir)))
    os.chmod(tmp, 0o777 & ~_umask())
    return tmp


def remove_stale(site_dir: str) -> None:
    """Remove temporary folders left by killed builds (call with the lock held)."""
    parent = os.path.dirname(os.path.abspath(site_dir)) or "."
    for name in os.listdir(parent):
        if name.startswith((TMP_PREFIX, OLD_PREFIX)):
            shutil.rmtree(os.path.join(parent, name), ignore_errors=True)


def swap_in(tmp_dir: str, site_dir: str) -> None:
    """Replace ``site_dir`` by ``tmp_dir`` with two renames."""
    site_dir = os.path.abspath(site_dir)
    old = None
    if os.path.exists(site_dir):
        old = tempfile.mkdtemp(prefix=OLD_PREFIX, dir=os.path.dirname(site_dir))
        os.rmdir(old)
        os.rename(site_dir, old)
    os.rename(tmp_dir, site_dir)
    if old:
        shutil.rmtree(old, ignore_errors=True)


# --- output files ---------------------------------------------------------------------
#
# Every file a command writes (the book, the reports, a quota table, the form's
# configuration) is written beside its target under a unique hidden name, synced,
# and renamed over it, all files of a set before any rename: a full disk, a
# read-only file system or a vanished folder leaves the last good output as it
# was and no temporary file behind.

TMP_SUFFIX = ".tmp"
KEPT = "bản cũ, nếu có, vẫn được giữ nguyên"
SITE_KEPT = "trang cũ vẫn được giữ nguyên"

# errno -> (what happened, what to do); {folder} is the target's folder.
_FAULTS = {
    errno.ENOSPC: ("ổ đĩa đã hết chỗ trống",
                   "xóa bớt tệp không cần hoặc chọn thư mục ở ổ đĩa khác rồi chạy lại"),
    errno.EDQUOT: ("tài khoản đã dùng hết hạn mức dung lượng (quota) trên ổ đĩa",
                   "xóa bớt tệp hoặc xin tăng hạn mức rồi chạy lại"),
    errno.EROFS: ("ổ đĩa chứa thư mục {folder} chỉ cho đọc, không cho ghi",
                  "chọn thư mục ở ổ đĩa khác hoặc gắn lại ổ đĩa cho phép ghi rồi chạy lại"),
    errno.EACCES: ("tài khoản đang dùng không có quyền ghi vào thư mục {folder}",
                   "chọn thư mục khác hoặc xin quyền ghi rồi chạy lại"),
    errno.EPERM: ("hệ thống không cho ghi vào thư mục {folder}",
                  "chọn thư mục khác hoặc xin quyền ghi rồi chạy lại"),
    errno.ENOENT: ("thư mục {folder} không còn (đã bị xóa hoặc di chuyển trong lúc ghi)",
                   "kiểm tra lại đường dẫn rồi chạy lại"),
    errno.ENOTDIR: ("một phần của đường dẫn là tệp chứ không phải thư mục",
                    "chọn đường dẫn khác"),
    errno.EISDIR: ("đường dẫn đó là một thư mục", "ghi cả tên tệp, ví dụ {folder}/ten-tep"),
    errno.EIO: ("ổ đĩa báo lỗi đọc ghi (có thể đã hỏng hoặc bị rút ra)",
                "kiểm tra ổ đĩa rồi chạy lại"),
    errno.ENAMETOOLONG: ("tên tệp hoặc đường dẫn quá dài", "chọn tên ngắn hơn"),
}


class OutputRefused(Exception):
    """The output asked for cannot be written there (a folder, a file in its path,
    a wrong extension): a usage error, message in Vietnamese."""


class WriteFault(Exception):
    """The machine refused a write (no space, read-only, no permission, a vanished
    folder, a disk error); ``str()`` is one Vietnamese sentence: what, and what to do."""

    def __init__(self, target: str, error: OSError, kept: str = KEPT) -> None:
        super().__init__(target, error)
        self.target, self.error, self.kept = target, error, kept

    def __str__(self) -> str:
        return fault_text(self.target, self.error, self.kept)


def fault_text(target: str, error: OSError, kept: str = KEPT,
               verb: str = "Không ghi được") -> str:
    """"Không ghi được 'X' vì <what happened>: <what to do> (<kept>)."

    The folder named is the one the error is about; for a temporary file of ours,
    the target's.
    """
    base = os.path.dirname(os.path.abspath(target)) if target else ""
    name = os.path.abspath(error.filename) if isinstance(error.filename, str) else ""
    ours = bool(name) and (  # a temporary file or folder of ours: beside the target
        any(p.startswith((TMP_PREFIX, OLD_PREFIX)) for p in name.split(os.sep))
        or name.endswith(TMP_SUFFIX) and os.path.basename(name).startswith("."))
    folder = base if base and (ours or not name) else os.path.dirname(name) or "."
    code = error.errno or 0
    what, todo = _FAULTS.get(code, (
        f"máy báo lỗi {errno.errorcode.get(code, str(code))}",
        "chạy lại; nếu vẫn lỗi, báo cho người quản trị máy"))
    shown = f"'{target}'" if target else "tệp"
    text = f"{verb} {shown} vì {what.format(folder=folder)}: {todo.format(folder=folder)}"
    return text + (f" ({kept})." if kept else ".")


def file_target(path: str, extensions: tuple[str, ...] = ()) -> str:
    """``path`` as a file to write (absolute), or :class:`OutputRefused` saying why not.

    Refused: a folder, a path under a file, an extension not in ``extensions``
    (when given). A missing parent folder is fine: it is made when writing.
    """
    full = os.path.abspath(path)
    if os.path.isdir(full) or path.endswith(("/", os.sep)):
        raise OutputRefused(f"'{path}' là một thư mục; ghi cả tên tệp, ví dụ "
                            f"{os.path.join(path, 'ten-tep' + (extensions or ('',))[0])}.")
    if extensions and not full.lower().endswith(extensions):
        names = extensions[0] if len(extensions) == 1 else (
            ", ".join(extensions[:-1]) + " hoặc " + extensions[-1])
        raise OutputRefused(f"Lệnh này chỉ ghi được tệp có đuôi {names}; đổi tên tệp "
                            f"'{path}' cho đúng đuôi, ví dụ "
                            f"{os.path.splitext(path)[0] + extensions[0]}.")
    _parent_is_folder(path, os.path.dirname(full))
    return full


def folder_target(path: str) -> str:
    """``path`` as a folder to write into (absolute): refused when it, or a folder on
    its way, is a file."""
    full = os.path.abspath(path)
    if os.path.exists(full) and not os.path.isdir(full):
        raise OutputRefused(f"'{path}' là một tệp, không phải thư mục; chọn một thư mục.")
    _parent_is_folder(path, os.path.dirname(full))
    return full


def site_target(path: str, root: str) -> str:
    """``path`` as the folder a build replaces as a whole (absolute): refused when it
    holds the repository, or holds something other than a site built before."""
    full = folder_target(path)
    if os.path.commonpath([full, os.path.abspath(root)]) == full:
        raise OutputRefused(f"Thư mục '{path}' chứa cả kho hồ sơ; dựng trang sẽ thay toàn bộ "
                            "thư mục này. Chọn một thư mục riêng cho trang, ví dụ site.")
    if os.path.isdir(full) and os.listdir(full) and not os.path.isfile(
            os.path.join(full, "index.html")):
        raise OutputRefused(f"Thư mục '{path}' đã có tệp khác, không phải trang đã dựng (không "
                            "có index.html); dựng trang sẽ thay toàn bộ thư mục này. Chọn một "
                            "thư mục trống hoặc thư mục của trang cũ.")
    return full


def _parent_is_folder(path: str, folder: str) -> None:
    while not os.path.exists(folder):
        up = os.path.dirname(folder)
        if up == folder:
            return
        folder = up
    if not os.path.isdir(folder):
        raise OutputRefused(f"Không ghi được '{path}': '{folder}' là một tệp, không phải thư "
                            "mục; chọn đường dẫn khác.")


def write_file(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (see :func:`write_files`)."""
    folder, name = os.path.split(os.path.abspath(path))
    write_files(folder, {name: data}, path)


def write_files(folder: str, content: Mapping[str, bytes], shown: str | None = None
                ) -> list[str]:
    """Write each ``name -> data`` into ``folder`` (made if missing), each by an atomic
    replace, every file written before the first replace; returns the paths.

    Raises :class:`WriteFault` (the old files kept, no temporary file left, folders
    this made removed again) when the machine refuses.
    """
    folder = os.path.abspath(folder)
    made: list[str] = []
    temps: dict[str, str] = {}
    target = shown or folder
    try:
        made = _make_folders(folder)
        for name, data in sorted(content.items()):
            path = os.path.join(folder, name)
            target = shown or path
            temps[path] = _write_temp(path, data)
        for path, tmp in list(temps.items()):
            target = shown or path
            os.replace(tmp, path)  # an office member may have the old file open
            del temps[path]
    except OSError as exc:
        for tmp in temps.values():
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        for d in reversed(made):
            with contextlib.suppress(OSError):
                os.rmdir(d)
        raise WriteFault(target, exc) from exc
    return [os.path.join(folder, n) for n in sorted(content)]


def _make_folders(folder: str) -> list[str]:
    """Make ``folder`` and its missing parents; returns those made, outermost first."""
    missing: list[str] = []
    while not os.path.isdir(folder):
        missing.append(folder)
        up = os.path.dirname(folder)
        if up == folder:
            break
        folder = up
    made: list[str] = []
    for d in reversed(missing):
        try:
            os.mkdir(d)
        except FileExistsError:
            if not os.path.isdir(d):
                raise
            continue
        except OSError:
            for m in reversed(made):
                with contextlib.suppress(OSError):
                    os.rmdir(m)
            raise
        made.append(d)
    return made


def _write_temp(path: str, data: bytes) -> str:
    """``data`` in a new hidden file beside ``path``, synced, with ``path``'s mode."""
    folder, name = os.path.split(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=TMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())  # a full disk may only say so here
        os.chmod(tmp, _mode(path))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _mode(path: str) -> int:
    """The existing file's permissions, else what ``open()`` would give (0o666 - umask)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
