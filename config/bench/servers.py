"""The servers under load: gunicorn and nginx, each in a process group of its own."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from config.bench.environment import APP_PORT, BASE_DIR, HOST, NGINX_PORT, VENV_BIN


def start_gunicorn(arguments: list[str], env: dict[str, str]) -> subprocess.Popen:
    return start([str(VENV_BIN / "gunicorn"), "-c", "config/gunicorn.conf.py", *arguments], env)


def nginx_config(prefix: Path) -> str:
    """config/nginx.conf with its names filled in for loopback, in front of the bench's gunicorn."""
    conf = (BASE_DIR / "config" / "nginx.conf").read_text()
    for name, value in {
        "__LISTEN__": f"{HOST}:{NGINX_PORT}",
        "__UPSTREAM__": f"{HOST}:{APP_PORT}",
        "__STATIC_ROOT__": str(BASE_DIR / "var" / "static"),
        "__MEDIA_ROOT__": str(BASE_DIR / "var" / "media"),
        "__PREFIX__": str(prefix),
    }.items():
        conf = conf.replace(name, value)
    return conf


def wait_until_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up")


def worker_rss_mb(master_pid: int) -> list[float]:
    sizes = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:
            status = (stat.parent / "status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sizes


def start(command: list[str], env=None) -> subprocess.Popen:
    """A server in a session of its own, so that stop() ends it and all its workers."""
    return subprocess.Popen(command, cwd=BASE_DIR, env=env, start_new_session=True)


def stop(process: subprocess.Popen | None) -> None:
    """Shutdown (SIGTERM: gunicorn lets its workers finish the request in hand, where SIGINT
    interrupted sync workers mid-request and logged each; nginx stops at once), then make sure
    nothing of that process group is left holding the port."""
    if process is None:
        return
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
