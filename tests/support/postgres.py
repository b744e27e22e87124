"""A PostgreSQL of a test's own: initdb into a temporary folder, another port, loopback only —
never the machine's shared server."""

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.support.processes import free_port


def postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class Cluster:
    """A throwaway PostgreSQL. initdb refuses to run as root: then it runs as `postgres`, in
    a folder of its own under /tmp (pytest's tmp_path is private to root)."""

    def __init__(self, bindir: Path, tmp_path: Path, database: str = "portal"):
        self.bindir = bindir
        self.as_root = os.geteuid() == 0
        if self.as_root:
            self.home = Path(tempfile.mkdtemp(prefix="pg-test-"))
            shutil.chown(self.home, "postgres", "postgres")
            self.prefix = ["runuser", "-u", "postgres", "--"]
        else:
            self.home, self.prefix = tmp_path, []
        self.data = self.home / "data"
        self.log = self.home / "server.log"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def run(self, tool: str, *args: str, timeout: float = 60):
        return subprocess.run([*self.prefix, str(self.bindir / tool), *args], cwd=self.home,
                              capture_output=True, text=True, timeout=timeout, check=True)

    def initdb(self):
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                 "--locale=C.UTF-8", "--no-sync")

    def start(self, *settings: str):
        """settings: more "-c name=value" options for the server."""
        # fsync off: a killed process loses nothing the kernel already holds; only a power
        # cut would, and that is not what this test is about.
        options = " ".join([f"-p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off "
                            f"-c unix_socket_directories={self.home}", *settings])
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w",
                 "-t", "30", "start")

    def postmaster_pid(self) -> int:
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "-D", str(self.data),
                            "-m", "immediate", "-w", "stop"], capture_output=True, timeout=30)

    def cleanup(self):
        if self.as_root:
            shutil.rmtree(self.home, ignore_errors=True)


def copy_test_database(cluster: Cluster, database: str = "portal") -> None:
    """Copies the tests' database (migrated already, with what the test added) into
    `database` of the cluster, which must exist: django CMS's migrations alone take a minute
    on a busy machine."""
    from django.db import connection
    source = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": source.get("PASSWORD") or ""}
    dump = subprocess.Popen(
        [str(cluster.bindir / "pg_dump"), "--no-owner", "--no-privileges",
         "-h", source.get("HOST") or "127.0.0.1", "-p", str(source.get("PORT") or 5432),
         "-U", source.get("USER") or "postgres", source["NAME"]],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    restore = subprocess.run(
        [str(cluster.bindir / "psql"), "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
         "-p", str(cluster.port), "-U", "postgres", "-d", database],
        stdin=dump.stdout, capture_output=True, text=True, timeout=120)
    dump.stdout.close()
    dumped = dump.wait(timeout=120)
    assert dumped == 0, dump.stderr.read().decode()[-3000:]
    assert restore.returncode == 0, restore.stderr[-3000:]


# What a primary needs for a streaming replica (PostgreSQL's defaults allow it from 10 on;
# said here so the test does not depend on them).
PRIMARY_SETTINGS = ("-c wal_level=replica", "-c max_wal_senders=4")


def start_replica(primary: Cluster, folder: Path) -> Cluster:
    """A hot standby of `primary`: pg_basebackup -R (it writes standby.signal and the
    connection), then started on a port of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    replica = Cluster(primary.bindir, folder, database=primary.url.rsplit("/", 1)[1])
    replica.run("pg_basebackup", "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
                "-D", str(replica.data), "-R", "-X", "stream", "-c", "fast", "--no-sync",
                timeout=120)  # -c fast: a checkpoint now, not at the next scheduled one
    replica.start("-c hot_standby=on")
    return replica
