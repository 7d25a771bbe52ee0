"""`python -m config.bench`: the command (see the package's docstring)."""

from __future__ import annotations

import argparse
import shutil
import sys

from config import bench
from config.bench.environment import OUT, prepare, server_env
from config.bench.measure import measure_app, measure_nginx
from config.bench.plan import (
    APP_ENDPOINTS,
    CONFIGS,
    DEFAULT_CONFIGS,
    NGINX_ENDPOINTS,
    PRESETS,
    plan_from_arguments,
)
from config.bench.report import ceiling, report


def argument_parser() -> argparse.ArgumentParser:
    lines = ["configurations:"]
    for name, (gunicorn_arguments, overrides) in CONFIGS.items():
        changes = [*gunicorn_arguments, *(f"{key}={value}" for key, value in overrides.items())]
        lines.append(f"  {name:<24}{' '.join(changes)}".rstrip())
    lines.append("presets:")
    lines += [f"  {name}: {', '.join(configs)}" for name, configs in PRESETS.items()]
    lines += ["endpoints (gunicorn):", *(f"  {e.name}" for e in APP_ENDPOINTS)]
    lines += ["endpoints (nginx):", *(f"  {e.name}" for e in NGINX_ENDPOINTS)]
    parser = argparse.ArgumentParser(
        prog="python -m config.bench",
        description=bench.__doc__.splitlines()[0],
        epilog="\n".join(lines),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--duration", type=int, default=8, help="seconds per endpoint")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--configs",
        default=DEFAULT_CONFIGS,
        help="configurations and presets, comma-separated (default: %(default)s)",
    )
    parser.add_argument(
        "--endpoints",
        default="",
        help="pieces of endpoint names, comma-separated (default: all); "
        "the static file's runs always stay in",
    )
    return parser


def main() -> None:
    parser = argument_parser()
    args = parser.parse_args()
    try:
        plan = plan_from_arguments(args.configs, args.endpoints)
    except ValueError as error:
        parser.error(str(error))
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: apt-get install -y wrk nginx-light (as root).")
    OUT.mkdir(parents=True, exist_ok=True)
    env = server_env()
    sessions = prepare(env)
    results, ceilings, memory = [], {}, {}
    for config in plan.configs:
        gunicorn_arguments, overrides = CONFIGS[config]
        print(f"Measuring gunicorn {config} ({' '.join(gunicorn_arguments)} {overrides or ''})...")
        measured, rss = measure_app(config, plan.app_endpoints, env, sessions, args)
        results += measured
        ceilings[config] = ceiling(measured)
        memory[config] = rss
    if plan.nginx_endpoints:
        print("Measuring nginx in front (static from disk, pages from its cache)...")
        measured = measure_nginx(plan.nginx_endpoints, env, sessions, args)
        results += measured
        ceilings["nginx"] = measured[0].rps
    text = report(results, ceilings, memory, args)
    (OUT / "results.md").write_text(text)
    print()
    print(text)
    print(f"Written to {OUT / 'results.md'}")


if __name__ == "__main__":
    main()
