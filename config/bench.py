"""`make bench`: the production configuration under load, side by side with a static file.

    .venv/bin/python -m config.bench [--duration 8] [--connections 16] [--configs sync,gthread]

Seeds its own database (`starlight_bench`, once; see films/management/commands/bench_seed.py),
starts gunicorn with config/gunicorn.conf.py and the settings of `make serve` on a loopback
port, once per server configuration compared, warms up and measures each endpoint with wrk
(Debian's; bounded in time, loopback only); then starts Debian's nginx with config/nginx.conf
in front and measures nginx's own static file and the review page from nginx's cache. Prints
the table, writes it to var/bench/results.md, and prints the workers' memory (RSS).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
OUT = BASE_DIR / "var" / "bench"
HOST = "127.0.0.1"
APP_PORT, NGINX_PORT = 8771, 8772
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/starlight_bench"
)
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/5")
BIG_REVIEW = "/reviews/bench-big-discussion/"
# What we compare: gunicorn's threaded workers (production's) and plain sync workers; and
# psycopg's pool (production's) against Django's persistent connections.
PRODUCTION: list[str] = []  # config/gunicorn.conf.py as it is: sync workers, 2 x cores + 1
CONFIGS = {
    "sync": (PRODUCTION, {}),
    "gthread": (["--worker-class", "gthread", "--workers", "3", "--threads", "4"], {}),
    "sync-persistent": (PRODUCTION, {"DATABASE_POOL": "false", "CONN_MAX_AGE": "600"}),
}


def server_env() -> dict[str, str]:
    """`make serve`'s settings (Makefile, SERVE_ENV), on the bench's database and Redis db."""
    secret = BASE_DIR / "var" / "secret_key"
    if not secret.exists():
        secret.parent.mkdir(parents=True, exist_ok=True)
        secret.write_text(secrets.token_urlsafe(50))
        secret.chmod(0o600)
    return {
        **os.environ,
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "CACHE_URL": CACHE_URL,
        "CACHE_KEY_PREFIX": "bench",
        "MAIL_BACKEND": os.environ.get("MAIL_BACKEND")
        or "django.core.mail.backends.console.EmailBackend",
        "SECRET_KEY": secret.read_text().strip(),
        "STATICFILES_BACKEND": "",
        "LOG_FORMAT": "json",
        "DATABASE_URL": DATABASE_URL,
        "GUNICORN_BIND": f"{HOST}:{APP_PORT}",
        # Behind nginx, which logs requests: gunicorn's own access log off, warnings only.
        "ACCESS_LOG": "false",
        "LOG_LEVEL": "WARNING",
        # The comment POST endpoint is measured, not the rate limits (bench only).
        "COMMENT_RATE_USER_COUNT": "100000000",
        "COMMENT_RATE_IP_COUNT": "100000000",
        "MODERATION_NEW_ACCOUNT_HELD": "0",
        "TASKS_BACKEND": "django.tasks.backends.dummy.DummyBackend",
    }


def manage(env, *args, quiet=False) -> str:
    result = subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if quiet else None,
    )
    return result.stdout or ""


def ensure_database() -> None:
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    admin_url = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"Created database {name}.")


SESSIONS_SCRIPT = """
import json, secrets
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from importlib import import_module
from reviews.models import Review
store = import_module(settings.SESSION_ENGINE).SessionStore
out = {}
for name in ("moderator", "reader", *(f"reader{i}" for i in range(100))):
    user = get_user_model().objects.get(username=name)
    session = store()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    out[name] = session.session_key
out["posters"] = [out.pop(f"reader{i}") for i in range(100)]
out["csrf"] = secrets.token_hex(16)
out["post_review"] = Review.objects.get(slug="bench-review-1").slug
print(json.dumps(out))
"""


def prepare(env) -> dict:
    ensure_database()
    print("Migrating the bench database...")
    manage(env, "migrate", "--no-input", "-v0")
    print("Seeding (once; later runs reuse the data)...")
    manage(env, "bench_seed")
    manage(env, "collectstatic", "--no-input", "-v0")
    manifest = json.loads((BASE_DIR / "var" / "static" / "staticfiles.json").read_text())
    output = manage(env, "shell", "-v0", "-c", SESSIONS_SCRIPT, quiet=True)
    sessions = json.loads(output.strip().splitlines()[-1])
    sessions["css"] = "/static/" + manifest["paths"]["css/site.css"]
    return sessions


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


@dataclass
class Result:
    name: str
    rps: float
    p50: float
    p99: float
    errors: int
    requests: int


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(name: str, url: str, *, duration: int, connections: int, headers=(), script=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    output = subprocess.run(
        [*command, url], check=True, text=True, capture_output=True, timeout=duration + 30
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _ms(re.search(r"\s50%\s+(\S+)", output).group(1))
    p99 = _ms(re.search(r"\s99%\s+(\S+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(map(int, match.groups()))
    return Result(name, rps, p50, p99, errors, requests)


POST_LUA = """
-- Bodies unique across threads and runs: the duplicate-text rule would refuse repeats.
-- thread_id is a global each thread gets from setup() (a local here would shadow it, and
-- every thread would send the same bodies).
local counter = 0
local next_thread = 0
setup = function(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread)
end
-- A premiere's worth of readers posting, not one reader posting hundreds a second.
local sessions = {%(sessions)s}
request = function()
  counter = counter + 1
  local body = "csrfmiddlewaretoken=%(csrf)s&body=Bench+comment+%(run)s+" .. thread_id .. "+" .. counter
  local session = sessions[(counter * 2 + thread_id) %% #sessions + 1]
  return wrk.format("POST", "%(path)s", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "sessionid=" .. session .. "; csrftoken=%(csrf)s",
  }, body)
end
"""


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


def measure_app(config: str, env, sessions, args) -> tuple[list[Result], list[float]]:
    base = f"http://{HOST}:{APP_PORT}"
    arguments, overrides = CONFIGS[config]
    server = start(
        [str(VENV_BIN / "gunicorn"), "-c", "config/gunicorn.conf.py", *arguments],
        {**env, **overrides},
    )
    try:
        wait_until_up(base + "/healthz")
        reader = f"Cookie: sessionid={sessions['reader']}; csrftoken={sessions['csrf']}"
        moderator = f"Cookie: sessionid={sessions['moderator']}"
        gets = [
            ("static CSS (whitenoise)", sessions["css"], ()),
            ("home, anonymous", "/", ()),
            ("film detail, anonymous", "/films/lost-in-starlight/", ()),
            ("review, 2,000 comments, anonymous", BIG_REVIEW, ()),
            ("search, anonymous", "/search/?q=star+song", ()),
            ("search, signed-in reader", "/search/?q=star+song", (reader,)),
            ("moderation queue, moderator", "/moderation/", (moderator,)),
            ("review, signed-in reader", BIG_REVIEW, (reader,)),
        ]
        for _, path, headers in gets:  # warm up: imports, pools, caches
            wrk("warm-up", base + path, duration=2, connections=4, headers=headers)
        # The static file again in the middle and at the end: on a shared machine one run of
        # it can be off by half, and it is what every ratio divides by (see `ceiling`).
        static = gets[0]
        plan = [*gets[:5], (f"{static[0]}, again", *static[1:]), *gets[5:]]
        results = [
            wrk(f"{config}: {name}", base + path, duration=args.duration,
                connections=args.connections, headers=headers)
            for name, path, headers in plan
        ]  # fmt: skip
        script = OUT / "post.lua"
        script.write_text(
            POST_LUA
            % {
                "csrf": sessions["csrf"],
                "sessions": ", ".join(f'"{key}"' for key in sessions["posters"]),
                "path": f"/reviews/{sessions['post_review']}/comments/",
                "run": secrets.token_hex(6),
            }
        )
        results.append(
            wrk(f"{config}: comment POST, 100 readers", base + "/", duration=args.duration,
                connections=args.connections, script=str(script))
        )  # fmt: skip
        results.append(
            wrk(f"{config}: {static[0]}, last", base + static[1], duration=args.duration,
                connections=args.connections)
        )  # fmt: skip
        return results, worker_rss_mb(server.pid)
    finally:
        stop(server)


def measure_nginx(env, sessions, args) -> list[Result]:
    prefix = Path(tempfile.mkdtemp(prefix="starlight-nginx-"))
    prefix.chmod(0o755)  # nginx's workers (not root) write its cache and temp files in there
    conf = (BASE_DIR / "config" / "nginx.conf").read_text()
    for name, value in {
        "__LISTEN__": f"{HOST}:{NGINX_PORT}",
        "__UPSTREAM__": f"{HOST}:{APP_PORT}",
        "__STATIC_ROOT__": str(BASE_DIR / "var" / "static"),
        "__MEDIA_ROOT__": str(BASE_DIR / "var" / "media"),
        "__PREFIX__": str(prefix),
    }.items():
        conf = conf.replace(name, value)
    (prefix / "nginx.conf").write_text(conf)
    server = start([str(VENV_BIN / "gunicorn"), "-c", "config/gunicorn.conf.py", *PRODUCTION], env)
    nginx = None
    try:
        wait_until_up(f"http://{HOST}:{APP_PORT}/healthz")
        nginx = start(["nginx", "-c", str(prefix / "nginx.conf"), "-p", str(prefix)])
        base = f"http://{HOST}:{NGINX_PORT}"
        try:
            wait_until_up(base + "/healthz")
        except RuntimeError:
            print((prefix / "error.log").read_text()[-2000:], file=sys.stderr)
            raise
        for path in (sessions["css"], BIG_REVIEW):
            wrk("warm-up", base + path, duration=2, connections=4)
        return [
            wrk("nginx: static CSS", base + sessions["css"], duration=args.duration,
                connections=args.connections),
            wrk("nginx: review, 2,000 comments, from nginx's cache", base + BIG_REVIEW,
                duration=args.duration, connections=args.connections),
        ]  # fmt: skip
    finally:
        stop(nginx)
        stop(server)
        shutil.rmtree(prefix, ignore_errors=True)


def ceiling(results: list[Result]) -> float:
    """The median of the static file's three runs (first, middle, last)."""
    static = sorted(r.rps for r in results if "static CSS" in r.name)
    return static[len(static) // 2]


def table(results: list[Result], ceilings: dict[str, float]) -> str:
    lines = [
        "| Endpoint | req/s | p50 ms | p99 ms | errors | vs static (same server) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        ceiling = ceilings[r.name.split(":")[0]]
        lines.append(
            f"| {r.name} | {r.rps:,.0f} | {r.p50:.1f} | {r.p99:.1f} | {r.errors} "
            f"| {100 * r.rps / ceiling:.0f} % |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds per endpoint")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--configs", default=",".join(CONFIGS))
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: apt-get install -y wrk nginx-light (as root).")
    OUT.mkdir(parents=True, exist_ok=True)
    env = server_env()
    sessions = prepare(env)
    results, ceilings, memory = [], {}, {}
    for config in args.configs.split(","):
        arguments, overrides = CONFIGS[config]
        print(f"Measuring gunicorn {config} ({' '.join(arguments)} {overrides or ''})...")
        measured, rss = measure_app(config, env, sessions, args)
        results += measured
        ceilings[config] = ceiling(measured)
        memory[config] = rss
    print("Measuring nginx in front (static from disk, pages from its cache)...")
    measured = measure_nginx(env, sessions, args)
    results += measured
    ceilings["nginx"] = measured[0].rps
    report = "\n".join(
        [
            "# make bench",
            "",
            f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, wrk -t2 "
            f"-c{args.connections} -d{args.duration}s per endpoint; ratios against the static "
            "file served by the same server in the same run (the median of its three runs).",
            "",
            table(results, ceilings),
            "",
            "Worker memory (RSS) after the run: "
            + "; ".join(
                f"{config}: " + ", ".join(f"{mb:.0f} MB" for mb in sizes)
                for config, sizes in memory.items()
            ),
            "",
        ]
    )
    (OUT / "results.md").write_text(report)
    print()
    print(report)
    print(f"Written to {OUT / 'results.md'}")


if __name__ == "__main__":
    main()
