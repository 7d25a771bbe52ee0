"""The measurements: one gunicorn configuration's endpoints, and nginx in front of production's."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from config.bench.environment import APP_PORT, HOST, NGINX_PORT, OUT
from config.bench.plan import CONFIGS, PRODUCTION, Endpoint, warm_ups
from config.bench.premiere import run_premiere
from config.bench.servers import (
    nginx_config,
    start,
    start_gunicorn,
    stop,
    wait_until_up,
    worker_rss_mb,
)
from config.bench.wrk import Result, run_wrk, write_post_script


def measure_app(
    config: str, endpoints: list[Endpoint], env, sessions, args
) -> tuple[list[Result], list[float]]:
    """Each endpoint under load on gunicorn in this configuration; then its workers' RSS."""
    base = f"http://{HOST}:{APP_PORT}"
    arguments, overrides = CONFIGS[config]
    server = start_gunicorn(arguments, {**env, **overrides})
    try:
        wait_until_up(base + "/healthz")
        for endpoint in warm_ups(endpoints):
            run_wrk("warm-up", base + _path(endpoint, sessions), duration=2, connections=4,
                    headers=_headers(endpoint, sessions))  # fmt: skip
        results = []
        for endpoint in endpoints:
            if endpoint.kind == "premiere":
                film = endpoint.path.split("/")[3]
                results.append(run_premiere(f"{config}: {endpoint.name}", film, sessions))
                continue
            script = None
            if endpoint.kind == "post":
                script = str(
                    write_post_script(
                        OUT / "post.lua", sessions, to=endpoint.path, form=endpoint.form
                    )
                )
            results.append(
                run_wrk(f"{config}: {endpoint.name}", base + _path(endpoint, sessions),
                        duration=args.duration, connections=args.connections,
                        headers=_headers(endpoint, sessions), script=script)
            )  # fmt: skip
        return results, worker_rss_mb(server.pid)
    finally:
        stop(server)


def measure_nginx(endpoints: list[Endpoint], env, sessions, args) -> list[Result]:
    """nginx with config/nginx.conf in front of production's gunicorn: its own static file,
    and pages from its cache."""
    prefix = Path(tempfile.mkdtemp(prefix="starlight-nginx-"))
    prefix.chmod(0o755)  # nginx's workers (not root) write its cache and temp files in there
    (prefix / "nginx.conf").write_text(nginx_config(prefix))
    server = start_gunicorn(PRODUCTION, env)
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
        for endpoint in warm_ups(endpoints):
            run_wrk("warm-up", base + _path(endpoint, sessions), duration=2, connections=4)
        return [
            run_wrk(f"nginx: {endpoint.name}", base + _path(endpoint, sessions),
                    duration=args.duration, connections=args.connections)
            for endpoint in endpoints
        ]  # fmt: skip
    finally:
        stop(nginx)
        stop(server)
        shutil.rmtree(prefix, ignore_errors=True)


def _path(endpoint: Endpoint, sessions) -> str:
    if endpoint.kind == "static":
        return sessions["css"]
    if endpoint.kind == "post":
        return "/"  # wrk wants a URL; the script sends each request to the endpoint's path
    return endpoint.path


def _headers(endpoint: Endpoint, sessions) -> tuple[str, ...]:
    if endpoint.progress:
        return (f"Cookie: watch_progress={sessions['film']}={endpoint.progress}",)
    if endpoint.signed_in_as == "reader":
        return (f"Cookie: sessionid={sessions['reader']}; csrftoken={sessions['csrf']}",)
    if endpoint.signed_in_as == "moderator":
        return (f"Cookie: sessionid={sessions['moderator']}",)
    return ()
