"""The map's layer published as a static file: `static/layers/<digest>.json`, beside a gzipped copy; and the
map plugin's scripts as one file, `static/layers/<digest>.js`.

The live map (ui/live_map.py) is sent the layer once this way, then only the date and the selection: a step
costs the same few bytes at 1,000 towns as at 10,000. Streamlit's static file serving serves the folder
(server.enableStaticServing); the browser fetches the gzipped copy and unpacks it itself, since Streamlit's
server would otherwise gzip the file anew on every load, in its event loop (about 0.2 s for the 4 MB of a
10,000-town layer).
"""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import hashlib
import os
import secrets
import threading
from pathlib import Path

from ui.map_payload import encode

ROOT = Path(__file__).resolve().parent.parent
#: Published payloads and the map plugin's scripts; Streamlit serves ./static at /app/static (server.enableStaticServing), and only files
#: whose real path is inside it (a symlink out of static/ answers 404).
LAYERS_DIR = ROOT / "static" / "layers"
#: Publish somewhere else: AppTest runs (which serve nothing), or a copy of the app run from a folder of its
#: own, whose `static/layers` this must then name (relative paths are from the project's root).
LAYERS_DIR_ENV = "GEO_MAP_LAYERS_DIR"
LAYERS_URL = "/app/static/layers"
#: Per process: its older payloads are released; a tab still open on one refetches on its next mount.
KEEP_PUBLISHED = 4
PACKED_SUFFIX = ".gz"  # served as application/gzip, which Streamlit's server passes through untouched
#: In the publish folder: one lease per running publisher, and the lock publishers take turns with.
LEASES_DIR = ".leases"
_LOCK_FILE = ".lock"


class PublishError(RuntimeError):
    """The map's payload could not be written; the message names the folder and what to do."""


def layers_dir() -> Path:
    value = os.environ.get(LAYERS_DIR_ENV)
    if not value:
        return LAYERS_DIR
    path = Path(value)
    return path if path.is_absolute() else ROOT / path


class _Lease:
    """This process's claim on the payloads it serves from one folder: `.leases/<random>.lease`, listing
    them (newest last), locked with flock for as long as the process lives. The kernel drops the lock when
    the process ends, however it ends (kill -9 too), so a lease nobody holds is an ended process's and
    its payloads may go; a payload in a held lease is never removed, whoever publishes next."""

    def __init__(self, leases: Path):
        self.path = leases / f"{secrets.token_hex(8)}.lease"
        self.handle = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - held for the process's life
        fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self.names: list[str] = []

    def is_in_place(self) -> bool:
        """Still the file in the folder (not removed from under us, e.g. by `rm -r static/layers`)."""
        try:
            return os.stat(self.path).st_ino == os.fstat(self.handle.fileno()).st_ino
        except OSError:
            return False

    def hold(self, name: str) -> None:
        self.names = ([n for n in self.names if n != name] + [name])[-KEEP_PUBLISHED:]
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write("\n".join(self.names) + "\n")
        self.handle.flush()


_leases: dict[Path, _Lease] = {}
_threads = threading.Lock()  # sessions run in threads: one publisher of this process at a time


@contextlib.contextmanager
def _turn(leases: Path):
    """One publisher at a time per folder, across processes: writing, leasing and sweeping never interleave,
    so a sweep never sees a payload written but not yet leased, nor a lease created but not yet locked."""
    with _threads, open(leases / _LOCK_FILE, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        yield


def _own_lease(leases: Path) -> _Lease:
    lease = _leases.get(leases)
    if lease is None or not lease.is_in_place():
        if lease is not None:
            lease.handle.close()
        lease = _leases[leases] = _Lease(leases)
    return lease


def _held_names(leases: Path, own: _Lease) -> set[str]:
    """The payloads a running process holds; the leases of ended processes are removed on the way."""
    held = set(own.names)
    for path in leases.glob("*.lease"):
        if path == own.path:
            continue
        try:
            handle = open(path, encoding="utf-8", errors="replace")
        except FileNotFoundError:
            continue
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:  # its process holds it: running
                held.update(handle.read().split())
                continue
            path.unlink(missing_ok=True)  # nobody holds it: its process has ended
    return held


def _sweep(directory: Path, held: set[str]) -> None:
    """Remove the payloads no running process holds, and partial files of writers that were killed (all
    writing happens in a publisher's turn, so a partial file seen in ours is a leftover)."""
    for path in directory.iterdir():
        name = path.name.removesuffix(PACKED_SUFFIX)
        if path.is_file() and ((name.endswith(".json") and name not in held) or path.name.endswith(".tmp")):
            path.unlink(missing_ok=True)


def _write_once(target: Path, data: bytes) -> None:
    if not target.exists():
        partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(target)


def _shown(directory: Path) -> str:
    """The folder as a message may name it: relative to the project, never a server's absolute path."""
    try:
        return directory.resolve().relative_to(ROOT).as_posix() + "/"
    except ValueError:
        return f"the folder {LAYERS_DIR_ENV} names"


def _unwritable(directory: Path, exc: OSError) -> PublishError:
    return PublishError(
        f"The map cannot be published: {_shown(directory)} cannot be written ({exc.strerror or exc}). "
        "Make that folder writable for the user running the dashboard, then reload the page.")


def publish(payload: dict, directory: Path | None = None) -> str:
    """Write the payload as `<digest>.json` and `<digest>.json.gz` in `directory` (default `layers_dir()`),
    atomically, once per content, the packed copy first so that a `.json` is never without it; return the
    `.json` name.

    Other processes publish into the same folder (a second dashboard, `make test`, the benchmarks), so a
    payload is removed only when no running process holds it (`_Lease`): a server's map never answers 404
    because someone else published, and the folder holds at most KEEP_PUBLISHED payloads per running
    publisher, plus those of processes that ended since the last publish. Raises PublishError when the
    folder cannot be written."""
    data, digest = encode(payload)
    name = f"{digest}.json"
    directory = layers_dir() if directory is None else Path(directory)
    leases = directory / LEASES_DIR
    try:
        leases.mkdir(parents=True, exist_ok=True)
        with _turn(leases):
            lease = _own_lease(leases)
            lease.hold(name)
            _write_once(directory / (name + PACKED_SUFFIX), gzip.compress(data, compresslevel=9, mtime=0))
            _write_once(directory / name, data)
            _sweep(directory, _held_names(leases, lease))
    except OSError as exc:
        raise _unwritable(directory, exc) from None
    return name


def publish_script(text: str, directory: Path | None = None) -> str:
    """Write a script as `<digest>.js` in `directory` (default `layers_dir()`), atomically and once per
    content; return its name. Scripts are never swept: one per version of the map's code, a few KB each, and a
    tab opened before an upgrade keeps working. Raises PublishError when the folder cannot be written."""
    data = text.encode("utf-8")
    name = f"{hashlib.sha256(data).hexdigest()[:16]}.js"
    directory = layers_dir() if directory is None else Path(directory)
    if (directory / name).is_file():  # every rerun asks: the common answer takes no lock
        return name
    leases = directory / LEASES_DIR
    try:
        leases.mkdir(parents=True, exist_ok=True)
        with _turn(leases):  # a sweep removes partial files: never one of this write
            _write_once(directory / name, data)
    except OSError as exc:
        raise _unwritable(directory, exc) from None
    return name
