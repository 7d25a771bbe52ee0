"""wrk (Debian's): one bounded run against one URL, and what its output says."""

from __future__ import annotations

import re
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path
from string import Template

POST_LUA = Path(__file__).with_name("post.lua")


@dataclass
class Result:
    name: str
    rps: float
    p50: float
    p99: float
    errors: int
    requests: int
    note: str = ""  # said under the table (the premiere row's counts)


def run_wrk(name: str, url: str, *, duration: int, connections: int, headers=(), script=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    output = subprocess.run(
        [*command, url], check=True, text=True, capture_output=True, timeout=duration + 30
    ).stdout
    return parse_wrk_output(name, output)


def parse_wrk_output(name: str, output: str) -> Result:
    """The rate, the median and 99th percentile latencies, and errors of all kinds."""
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


def write_post_script(path: Path, sessions: dict, *, to: str, form: str) -> Path:
    """post.lua for this run: POSTs to `to` with the form `form` (a Lua expression, where
    `$run` is a token new to the run), signed in as each of the posting readers in turn."""
    form = Template(form).substitute(run=secrets.token_hex(6))
    path.write_text(
        Template(POST_LUA.read_text()).substitute(
            csrf=sessions["csrf"],
            sessions=", ".join(f'"{key}"' for key in sessions["posters"]),
            path=to,
            form=form,
        )
    )
    return path


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
