"""The report: the table of results, each against its own server's static file, and memory."""

from __future__ import annotations

import os
import time

from config.bench.wrk import Result


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
        static_rps = ceilings[r.name.split(":")[0]]
        lines.append(
            f"| {r.name} | {r.rps:,.0f} | {r.p50:.1f} | {r.p99:.1f} | {r.errors} "
            f"| {100 * r.rps / static_rps:.0f} % |"
        )
    return "\n".join(lines)


def report(
    results: list[Result], ceilings: dict[str, float], memory: dict[str, list[float]], args
) -> str:
    """var/bench/results.md: when, how, the table, and the workers' RSS after each configuration."""
    lines = [
        "# make bench",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, wrk -t2 "
        f"-c{args.connections} -d{args.duration}s per endpoint; ratios against the static "
        "file served by the same server in the same run (the median of its three runs).",
        "",
        table(results, ceilings),
        "",
        *(line for r in results if r.note for line in (r.note, "")),
    ]
    if memory:
        lines += [
            "Worker memory (RSS) after the run: "
            + "; ".join(
                f"{config}: " + ", ".join(f"{mb:.0f} MB" for mb in sizes)
                for config, sizes in memory.items()
            ),
            "",
        ]
    return "\n".join(lines)
