"""`make bench`'s plan: what the configurations, presets and endpoint filter select (nothing
is measured here), how wrk's output is read, and the sessions the bench signs in with."""

import json
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY

from config.bench import wrk
from config.bench.plan import (
    APP_ENDPOINTS,
    CONFIGS,
    NGINX_ENDPOINTS,
    PRODUCTION,
    plan_from_arguments,
    warm_ups,
)
from config.bench.sessions import print_sessions
from tests.factories import ReviewFactory, UserFactory

STATIC_RUNS = [
    "static CSS (whitenoise)",
    "static CSS (whitenoise), again",
    "static CSS (whitenoise), last",
]
MECHANISMS = {
    "sync-no-whole-pages": "PAGE_CACHE_WHOLE_PAGES",
    "sync-no-process-copies": "PAGE_CACHE_PROCESS_COPIES",
    "sync-no-fragments": "PAGE_CACHE_FRAGMENTS",
    "sync-no-cache": "PAGE_CACHE_ENABLED",
}


def names(endpoints) -> list[str]:
    return [endpoint.name for endpoint in endpoints]


def test_by_default_the_bench_compares_the_three_configurations_on_every_endpoint():
    plan = plan_from_arguments()

    assert plan.configs == ["sync", "gthread", "sync-persistent"]
    assert plan.app_endpoints == APP_ENDPOINTS
    assert plan.nginx_endpoints == NGINX_ENDPOINTS
    assert names(APP_ENDPOINTS) == [
        "static CSS (whitenoise)",
        "home, anonymous",
        "home, anonymous, 한국어",
        "film detail, anonymous (10,000 ratings)",
        "film detail, anonymous, 한국어",
        "review, 2,000 comments, anonymous",
        "review, 2,000 comments, anonymous, 한국어",
        "search, anonymous",
        "search, anonymous, 한국어",
        "static CSS (whitenoise), again",
        "search, signed-in reader",
        "moderation queue, moderator",
        "review, signed-in reader",
        "film detail, signed-in reader (own rating)",
        "reader's diary, anonymous",
        "reader's diary, anonymous, 한국어",
        "moderation log, anonymous (5,300 decisions)",
        "moderation log feed, anonymous",
        "appeals queue, moderator",
        "film detail, anonymous at 0:45 (progress cookie)",
        "big review, anonymous at 0:45 (progress cookie)",
        "comment POST, 100 readers",
        "rating POST, 100 readers",
        "premiere: live thread polled by its readers while comments arrive",
        "static CSS (whitenoise), last",
    ]


def test_the_mechanisms_preset_is_sync_and_one_configuration_per_mechanism_switched_off():
    plan = plan_from_arguments("mechanisms")

    assert plan.configs == ["sync", *MECHANISMS]
    for config, variable in MECHANISMS.items():
        assert CONFIGS[config] == (PRODUCTION, {variable: "false"}), config
    assert CONFIGS["sync"] == (PRODUCTION, {})


def test_presets_and_names_mix_and_each_configuration_is_measured_once():
    plan = plan_from_arguments("gthread,mechanisms,sync")

    assert plan.configs == ["gthread", "sync", *MECHANISMS]


@pytest.mark.parametrize("configs", ["sync,nope", "Sync", "mechanism"])
def test_an_unknown_configuration_is_refused(configs):
    with pytest.raises(ValueError, match="no configuration"):
        plan_from_arguments(configs)


def test_the_endpoint_filter_keeps_the_static_runs_and_leaves_out_a_server_with_nothing_chosen():
    plan = plan_from_arguments(endpoints="signed-in,QUEUE")

    assert plan.configs == ["sync", "gthread", "sync-persistent"]
    assert names(plan.app_endpoints) == [
        "static CSS (whitenoise)",
        "static CSS (whitenoise), again",
        "search, signed-in reader",
        "moderation queue, moderator",
        "review, signed-in reader",
        "film detail, signed-in reader (own rating)",
        "appeals queue, moderator",
        "static CSS (whitenoise), last",
    ]
    assert plan.nginx_endpoints == []


@pytest.mark.parametrize(
    ("endpoints", "app", "nginx"),
    [
        (
            "post",
            [
                *STATIC_RUNS[:2],
                "comment POST, 100 readers",
                "rating POST, 100 readers",
                STATIC_RUNS[2],
            ],
            [],
        ),
        ("nginx", [], ["static CSS", "review, 2,000 comments, from nginx's cache"]),
        ("static", STATIC_RUNS, ["static CSS"]),
        (
            "2,000 comments",
            [
                STATIC_RUNS[0],
                "review, 2,000 comments, anonymous",
                "review, 2,000 comments, anonymous, 한국어",
                *STATIC_RUNS[1:],
            ],
            ["static CSS", "review, 2,000 comments, from nginx's cache"],
        ),
    ],
)
def test_the_endpoint_filter_selects_the_rows_whose_names_contain_a_piece(endpoints, app, nginx):
    plan = plan_from_arguments("sync", endpoints)

    assert names(plan.app_endpoints) == app
    assert names(plan.nginx_endpoints) == nginx
    assert plan.configs == (["sync"] if app else [])


def test_a_piece_that_names_no_endpoint_is_refused():
    with pytest.raises(ValueError, match="no endpoint name contains 'reveiw'"):
        plan_from_arguments(endpoints="review,reveiw")


def test_each_get_is_warmed_up_once_and_the_post_not_at_all():
    assert names(warm_ups(APP_ENDPOINTS)) == [
        "static CSS (whitenoise)",
        "home, anonymous",
        "home, anonymous, 한국어",
        "film detail, anonymous (10,000 ratings)",
        "film detail, anonymous, 한국어",
        "review, 2,000 comments, anonymous",
        "review, 2,000 comments, anonymous, 한국어",
        "search, anonymous",
        "search, anonymous, 한국어",
        "search, signed-in reader",
        "moderation queue, moderator",
        "review, signed-in reader",
        "film detail, signed-in reader (own rating)",
        "reader's diary, anonymous",
        "reader's diary, anonymous, 한국어",
        "moderation log, anonymous (5,300 decisions)",
        "moderation log feed, anonymous",
        "appeals queue, moderator",
        "film detail, anonymous at 0:45 (progress cookie)",
        "big review, anonymous at 0:45 (progress cookie)",
        "premiere: live thread polled by its readers while comments arrive",
    ]


WRK_OUTPUT = """\
Running 8s test @ http://127.0.0.1:8771/
  2 threads and 16 connections
  Latency Distribution
     50%    5.02ms
     75%    5.61ms
     90%    6.20ms
     99%    1.07s
  25073 requests in 8.00s, 1.62GB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:   3133.51
Transfer/sec:    207.88MB
"""


def test_wrk_output_is_read_into_rate_latencies_and_every_kind_of_error():
    result = wrk.parse_wrk_output("sync: home, anonymous", WRK_OUTPUT)

    assert result == wrk.Result("sync: home, anonymous", 3133.51, 5.02, 1070.0, 7, 25073)


def test_the_post_script_gets_the_run_s_sessions_path_and_form(tmp_path):
    sessions = {"csrf": "t0ken", "posters": ["s1", "s2"]}
    comment = next(e for e in APP_ENDPOINTS if e.name.startswith("comment POST"))

    script = wrk.write_post_script(
        tmp_path / "post.lua", sessions, to=comment.path, form=comment.form
    ).read_text()

    assert 'local sessions = {"s1", "s2"}' in script
    assert 'wrk.format("POST", "/en/reviews/bench-review-1/comments/", {' in script
    assert 'local body = "csrfmiddlewaretoken=t0ken&" .. "body=Bench+comment+' in script
    assert "$" not in script


def test_the_rating_post_changes_the_big_film_s_rating_in_turn(tmp_path):
    rating = next(e for e in APP_ENDPOINTS if e.name.startswith("rating POST"))
    script = wrk.write_post_script(
        tmp_path / "post.lua", {"csrf": "t", "posters": ["s"]}, to=rating.path, form=rating.form
    ).read_text()
    assert 'wrk.format("POST", "/en/films/lost-in-starlight/rating/", {' in script
    assert '"score=" .. (counter % 10 + 1)' in script


@pytest.mark.django_db
def test_the_bench_signs_in_the_moderator_the_reader_posting_and_watching_readers(capsys):
    users = {name: UserFactory(username=name) for name in ("moderator", "reader")}
    posters = [UserFactory(username=f"reader{i}") for i in range(100)]
    watchers = [UserFactory(username=f"reader{i}") for i in range(100, 150)]
    ReviewFactory(slug="bench-review-1")

    print_sessions()
    out = json.loads(capsys.readouterr().out)

    store = import_module(settings.SESSION_ENGINE).SessionStore
    signed_in = {name: store(out[name])[SESSION_KEY] for name in users}
    assert signed_in == {name: str(user.pk) for name, user in users.items()}
    assert [store(key)[SESSION_KEY] for key in out["posters"]] == [str(u.pk) for u in posters]
    assert [store(key)[SESSION_KEY] for key in out["watchers"]] == [str(u.pk) for u in watchers]
    assert len(out["csrf"]) == 32
