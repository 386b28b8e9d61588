"""A PostgreSQL server of the test run's own: Debian's binaries, its data and its socket in a temporary
folder, nothing listening on the network, gone when the run ends.

The store's PostgreSQL code is tested against the real server, not a look-alike: the race between two
analysts is decided by PostgreSQL's locks, which no stand-in reproduces. `make test` installs Debian's
`postgresql` package when it is missing.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

# The server refuses to run as root; as root, the tests run it as the system user Debian's package makes.
SERVER_USER = "postgres"
# The socket's path must fit in a sockaddr_un (107 bytes on Linux), the file name included.
MAX_SOCKET_PATH = 100
SETTINGS = {
    "listen_addresses": "''",  # the Unix socket only
    "fsync": "off",  # the data is thrown away at the end: nothing to make durable
    "synchronous_commit": "off",
    "full_page_writes": "off",
}


def missing() -> str | None:
    """Why no server can be started here, in words saying what to do; None when one can."""
    if not _binaries():
        return ("the store's tests need a PostgreSQL server, and none is installed (no "
                "/usr/lib/postgresql/*/bin/initdb): run `make test`, which installs Debian's postgresql package, "
                "or `apt-get install postgresql`")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            return (f"running as root, the tests start PostgreSQL as the system user {SERVER_USER!r}, and there is "
                    f"none: run `make test`, which installs Debian's postgresql package that makes it")
    return None


def _binaries() -> list[Path]:
    found = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")]
    return [b for b in found if (b / "pg_ctl").exists()]


class PostgresServer:
    """One server, started by `start` in a fresh temporary folder and removed with it by `stop`; check
    `missing()` first."""

    def __init__(self, label: str = ""):
        # The newest installed major version's bin folder (/usr/lib/postgresql/<major>/bin).
        self.bin = max(_binaries(), key=lambda b: int(b.parent.name) if b.parent.name.isdigit() else 0)
        self.as_root = os.geteuid() == 0
        self.root = Path(tempfile.mkdtemp(prefix=f"geo-pg-{label}-" if label else "geo-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "socket"
        self.log = self.root / "server.log"
        self._names = itertools.count()
        if len(str(self.socket_dir / ".s.PGSQL.5432")) > MAX_SOCKET_PATH:
            shutil.rmtree(self.root)
            raise RuntimeError(f"the temporary folder {self.root} is too deep for a Unix socket; set TMPDIR=/tmp")

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        # The server's user may not enter the caller's working folder (root's home, a worktree).
        done = subprocess.run(command, cwd=self.root, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"{args[0]} failed ({done.returncode}):\n{done.stdout}{done.stderr}{log}")

    def start(self) -> PostgresServer:
        self.socket_dir.mkdir()
        if self.as_root:
            for path in (self.root, self.socket_dir):
                shutil.chown(path, SERVER_USER, SERVER_USER)
        try:
            self._run("initdb", "--pgdata", str(self.data), "--username", "postgres", "--auth", "trust",
                      "--encoding", "UTF8", "--locale", "C", "--no-sync", "--no-instructions")
            with (self.data / "postgresql.conf").open("a") as conf:
                conf.write(f"\nunix_socket_directories = '{self.socket_dir}'\n")
                conf.writelines(f"{name} = {value}\n" for name, value in SETTINGS.items())
            self._run("pg_ctl", "--pgdata", str(self.data), "--log", str(self.log), "--wait", "--timeout", "60",
                      "start")
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            try:
                self._run("pg_ctl", "--pgdata", str(self.data), "--mode", "immediate", "--wait", "stop")
            except (RuntimeError, subprocess.TimeoutExpired):
                pass  # nothing more to do than remove its folder; a message would hide the test's own
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}"

    def admin(self) -> psycopg.Connection:
        """A connection as the server's superuser, each statement committed as it runs."""
        return psycopg.connect(dbname="postgres", user="postgres", host=str(self.socket_dir), autocommit=True)

    def create_database(self) -> str:
        """A new empty database's URL."""
        name = f"test_{next(self._names)}"
        with self.admin() as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = make_url(url).database
        with self.admin() as connection:
            # FORCE: a test that failed half-way may have left a connection open.
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
