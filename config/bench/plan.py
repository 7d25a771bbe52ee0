"""What a run measures: the server configurations, the endpoints, and the plan the arguments make.

Pure data and functions, no processes: the tests check that presets and the endpoint filter
select what they say.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# English addresses; the anonymous pages are measured in Korean too (`KO`), each language
# cached apart.
BIG_REVIEW = "/en/reviews/bench-big-discussion/"
FILM = "/en/films/lost-in-starlight/"  # the big review's film, with 10,000 ratings


def korean(path: str) -> str:
    return "/ko/" + path.removeprefix("/en/")


PRODUCTION: list[str] = []  # config/gunicorn.conf.py as it is: sync workers, 2 x cores + 1
# Each configuration: gunicorn's extra arguments, and the settings it changes from `make serve`'s.
# Compared by default: sync workers (production's), threaded workers, and Django's persistent
# connections instead of psycopg's pool. Then production's with one caching mechanism of the
# site switched off, to show what each is worth (README, "Performance").
CONFIGS: dict[str, tuple[list[str], dict[str, str]]] = {
    "sync": (PRODUCTION, {}),
    "gthread": (["--worker-class", "gthread", "--workers", "3", "--threads", "4"], {}),
    "sync-persistent": (PRODUCTION, {"DATABASE_POOL": "false", "CONN_MAX_AGE": "600"}),
    "sync-no-whole-pages": (PRODUCTION, {"PAGE_CACHE_WHOLE_PAGES": "false"}),
    "sync-no-process-copies": (PRODUCTION, {"PAGE_CACHE_PROCESS_COPIES": "false"}),
    "sync-no-fragments": (PRODUCTION, {"PAGE_CACHE_FRAGMENTS": "false"}),
    "sync-no-cache": (PRODUCTION, {"PAGE_CACHE_ENABLED": "false"}),
}
DEFAULT_CONFIGS = "sync,gthread,sync-persistent"
PRESETS: dict[str, list[str]] = {
    "mechanisms": [
        "sync",
        "sync-no-whole-pages",
        "sync-no-process-copies",
        "sync-no-fragments",
        "sync-no-cache",
    ],
}


@dataclass(frozen=True)
class Endpoint:
    """One row of the table. A static endpoint is the hashed name of css/site.css, known only
    after collectstatic; a POST is sent by post.lua as each of 100 readers in turn, with the
    form `form` (a Lua expression). The premiere row is a load of its own (premiere.py): its
    path is the live thread's page, warmed up like a GET."""

    name: str
    kind: Literal["static", "get", "post", "premiere"]
    path: str = ""
    signed_in_as: Literal["", "reader", "moderator"] = ""
    form: str = ""
    # A visitor's watch progress on the big review's film (seconds): the spoiler gate's
    # cookie, whose five-minute bucket joins the page-cache key (PAGE_CACHE_KEY_COOKIES).
    progress: str = ""


STATIC_CSS = "static CSS (whitenoise)"
# In the order measured. The static file again in the middle and at the end: on a shared
# machine one run of it can be off by half, and it is what every ratio divides by.
APP_ENDPOINTS = [
    Endpoint(STATIC_CSS, "static"),
    Endpoint("home, anonymous", "get", "/en/"),
    Endpoint("home, anonymous, 한국어", "get", "/ko/"),
    Endpoint("film detail, anonymous (10,000 ratings)", "get", FILM),
    Endpoint("film detail, anonymous, 한국어", "get", korean(FILM)),
    Endpoint("review, 2,000 comments, anonymous", "get", BIG_REVIEW),
    Endpoint("review, 2,000 comments, anonymous, 한국어", "get", korean(BIG_REVIEW)),
    Endpoint("search, anonymous", "get", "/en/search/?q=star+song"),
    Endpoint("search, anonymous, 한국어", "get", "/ko/search/?q=%EB%B3%84%EC%97%90"),  # 별에
    Endpoint(f"{STATIC_CSS}, again", "static"),
    Endpoint("search, signed-in reader", "get", "/en/search/?q=star+song", "reader"),
    Endpoint("moderation queue, moderator", "get", "/en/moderation/", "moderator"),
    Endpoint("review, signed-in reader", "get", BIG_REVIEW, "reader"),
    Endpoint("film detail, signed-in reader (own rating)", "get", FILM, "reader"),
    Endpoint("reader's diary, anonymous", "get", "/en/readers/reader/diary/"),
    Endpoint("reader's diary, anonymous, 한국어", "get", "/ko/readers/reader/diary/"),
    Endpoint("moderation log, anonymous (5,300 decisions)", "get", "/en/moderation-log/"),
    Endpoint("moderation log feed, anonymous", "get", "/en/moderation-log/feed/"),
    Endpoint("appeals queue, moderator", "get", "/en/moderation/appeals/", "moderator"),
    Endpoint("film detail, anonymous at 0:45 (progress cookie)", "get", FILM, progress="2700"),
    Endpoint("big review, anonymous at 0:45 (progress cookie)", "get", BIG_REVIEW, progress="2700"),
    Endpoint(
        "comment POST, 100 readers",
        "post",
        "/en/reviews/bench-review-1/comments/",  # made by bench_seed
        form='"body=Bench+comment+$run+" .. thread_id .. "+" .. counter',
    ),
    Endpoint(
        "rating POST, 100 readers", "post", f"{FILM}rating/", form='"score=" .. (counter % 10 + 1)'
    ),
    Endpoint(
        "premiere: live thread polled by its readers while comments arrive",
        "premiere",
        "/en/films/lost-in-starlight/premiere/",  # scheduled by bench_premiere
    ),
    Endpoint(f"{STATIC_CSS}, last", "static"),
]
NGINX_ENDPOINTS = [
    Endpoint("static CSS", "static"),
    Endpoint("review, 2,000 comments, from nginx's cache", "get", BIG_REVIEW),
]


@dataclass(frozen=True)
class Plan:
    configs: list[str]
    app_endpoints: list[Endpoint]  # measured in this order for each configuration
    nginx_endpoints: list[Endpoint]  # empty: nginx is not started


def plan_from_arguments(configs: str = DEFAULT_CONFIGS, endpoints: str = "") -> Plan:
    """The plan for `--configs` (names and presets, comma-separated) and `--endpoints`
    (comma-separated pieces of endpoint names, any case; empty: every endpoint).

    Raises ValueError for an unknown configuration or a piece that names no endpoint.
    """
    chosen_configs: list[str] = []
    for name in _items(configs):
        for config in PRESETS.get(name, [name]):
            if config not in CONFIGS:
                known = ", ".join([*CONFIGS, *PRESETS])
                raise ValueError(f"no configuration {config!r}; known: {known}")
            if config not in chosen_configs:
                chosen_configs.append(config)
    pieces = [piece.lower() for piece in _items(endpoints)]
    for piece in pieces:
        if not any(piece in e.name.lower() for e in [*APP_ENDPOINTS, *NGINX_ENDPOINTS]):
            raise ValueError(f"no endpoint name contains {piece!r}; see --help for the names")
    app_endpoints = _selected(APP_ENDPOINTS, pieces)
    return Plan(
        configs=chosen_configs if app_endpoints else [],
        app_endpoints=app_endpoints,
        nginx_endpoints=_selected(NGINX_ENDPOINTS, pieces),
    )


def warm_ups(endpoints: list[Endpoint]) -> list[Endpoint]:
    """Each GET to measure once, in order (imports, pools, caches); the POST is not repeated."""
    seen: dict[tuple[str, str, str], Endpoint] = {}
    for endpoint in endpoints:
        if endpoint.kind != "post":
            key = (endpoint.kind, endpoint.path, endpoint.signed_in_as, endpoint.progress)
            seen.setdefault(key, endpoint)
    return list(seen.values())


def _selected(endpoints: list[Endpoint], pieces: list[str]) -> list[Endpoint]:
    """The endpoints a piece names, with the static file's runs; none if a piece names none
    of them, so that a server with nothing to measure is not started."""
    if not pieces:
        return list(endpoints)
    if not any(piece in e.name.lower() for e in endpoints for piece in pieces):
        return []
    return [
        e
        for e in endpoints
        if e.kind == "static" or any(piece in e.name.lower() for piece in pieces)
    ]


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]
