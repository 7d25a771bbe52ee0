"""The premiere row: readers with a premiere's live thread open poll it as htmx does (every 3 s,
If-None-Match the last ETag, the URL the last fragment gave) while readers post comments
through the real POST endpoint at a steady rate. An asyncio load generator of its own (wrk
runs one kind of request): one connection per request, as gunicorn's sync workers close them.

Reported: the polls' rate and latencies (the live update's p99), errors (polls not 200 or 304,
posts not accepted), and posted, stored and shown: comments accepted (302), found in the
database afterwards, and seen in at least one poller's fragment during the run.
"""

from __future__ import annotations

import asyncio
import random
import re
import secrets
import time
from dataclasses import dataclass, field
from urllib.parse import quote_plus

from config.bench.environment import APP_PORT, DATABASE_URL, HOST
from config.bench.wrk import Result

POLL_SECONDS = 3
HX_GET = re.compile(r'id="discussion-threads" data-hx-get="([^"]+)"')
MARK = re.compile(r"bench-premiere-(\w+)-(\d+)")


@dataclass
class Tally:
    poll_ms: list[float] = field(default_factory=list)
    not_modified: int = 0
    poll_errors: int = 0
    posted: dict[int, float] = field(default_factory=dict)  # number: when accepted
    post_errors: int = 0
    seen: dict[int, float] = field(default_factory=dict)  # number: when first seen


async def http(method: str, path: str, headers: dict[str, str], body: str = ""):
    reader, writer = await asyncio.open_connection(HOST, APP_PORT)
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if body:
        lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
    writer.write(("\r\n".join(lines) + "\r\n\r\n" + body).encode())
    await writer.drain()
    raw = await reader.read()
    writer.close()
    head, _, content = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    found = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        found[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), found, content.decode("utf-8", "replace")


async def poller(tally: Tally, path: str, cookie: str, run: str, until: float) -> None:
    etag = None
    await asyncio.sleep(random.uniform(0, POLL_SECONDS))  # readers opened the page at times
    while time.time() < until:
        headers = {"HX-Request": "true", **({"Cookie": cookie} if cookie else {})}
        if etag:
            headers["If-None-Match"] = etag
        started = time.perf_counter()
        try:
            status, found, text = await http("GET", path, headers)
        except OSError:
            status, found, text = 0, {}, ""
        tally.poll_ms.append((time.perf_counter() - started) * 1000)
        if status == 304:
            tally.not_modified += 1
        elif status == 200:
            etag = found.get("etag")
            if link := HX_GET.search(text):
                path = link.group(1).replace("&amp;", "&")
            now = time.time()
            for token, number in MARK.findall(text):
                if token == run:
                    tally.seen.setdefault(int(number), now)
        else:
            tally.poll_errors += 1
        await asyncio.sleep(POLL_SECONDS)


async def posters(tally: Tally, path: str, sessions: dict, run: str, rate: int, until: float):
    number, tasks = 0, []

    async def post(number: int, session: str) -> None:
        body = f"csrfmiddlewaretoken={sessions['csrf']}&body=" + quote_plus(
            f"What a scene! bench-premiere-{run}-{number}"
        )
        cookie = f"sessionid={session}; csrftoken={sessions['csrf']}"
        try:
            status, _, _ = await http("POST", path, {"Cookie": cookie}, body)
        except OSError:
            status = 0
        if status == 302:
            tally.posted[number] = time.time()
        else:
            tally.post_errors += 1

    while time.time() < until:
        tasks.append(asyncio.create_task(post(number, sessions["posters"][number % 100])))
        number += 1
        await asyncio.sleep(1 / rate)
    await asyncio.gather(*tasks)


def stored(premiere: int, run: str) -> int:
    import psycopg

    with psycopg.connect(DATABASE_URL) as conn:
        return conn.execute(
            "SELECT count(*) FROM reviews_comment WHERE premiere_id = %s AND body LIKE %s",
            [premiere, f"%bench-premiere-{run}-%"],
        ).fetchone()[0]


def run_premiere(name: str, film: str, sessions: dict, *, readers=200, rate=5, duration=30):
    """Half the readers anonymous; a quarter signed in who only watch; a quarter signed in who
    post too (half of the posting readers)."""
    run = secrets.token_hex(4)
    tally = Tally()
    live = f"/en/films/{film}/premiere/live/"
    create = f"/en/premieres/{sessions['premiere']}/comments/"

    async def main() -> None:
        until = time.time() + duration
        signed_in = [*sessions["watchers"], *sessions["posters"][:50]]
        cookies = [
            "" if n % 2 else f"sessionid={signed_in[n // 2 % len(signed_in)]}"
            for n in range(readers)
        ]
        await asyncio.gather(
            posters(tally, create, sessions, run, rate, until),
            *(poller(tally, live, cookie, run, until + POLL_SECONDS + 1) for cookie in cookies),
        )

    started = time.time()
    asyncio.run(main())
    elapsed = time.time() - started
    latencies = sorted(tally.poll_ms)
    shown = len(tally.seen.keys() & tally.posted.keys())
    delays = sorted(tally.seen[n] - tally.posted[n] for n in tally.seen.keys() & tally.posted)
    result = Result(
        name,
        rps=len(latencies) / elapsed,
        p50=latencies[len(latencies) // 2],
        p99=latencies[int(len(latencies) * 0.99)],
        errors=tally.poll_errors + tally.post_errors,
        requests=len(latencies),
    )
    attempted = len(tally.posted) + tally.post_errors
    result.note = (
        f"Premiere row: {readers} readers (half anonymous, 50 signed in watching, 50 of the "
        f"posting readers) polling every {POLL_SECONDS} s for {duration} s "
        f"({len(latencies)} polls, {tally.not_modified} of them 304), {rate} comments/s: "
        f"{attempted} sent, {len(tally.posted)} posted, {stored(sessions['premiere'], run)} "
        f"stored, {shown} shown; from posted to first shown: median "
        f"{delays[len(delays) // 2] if delays else 0:.1f} s, max {max(delays, default=0):.1f} s."
    )
    return result
