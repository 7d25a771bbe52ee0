"""`make bench`: the production configuration under load, side by side with a static file.

    .venv/bin/python -m config.bench [--duration 8] [--connections 16]
        [--configs sync,gthread,sync-persistent | mechanisms] [--endpoints signed-in,queue]

Seeds its own database (`starlight_bench`, once; see reviews/management/commands/bench_seed.py),
starts gunicorn with config/gunicorn.conf.py and the settings of `make serve` on a loopback
port, once per server configuration compared, warms up and measures each endpoint with wrk
(Debian's; bounded in time, loopback only); then starts Debian's nginx with config/nginx.conf
in front and measures nginx's own static file and the review page from nginx's cache. Prints
the table, writes it to var/bench/results.md, and prints the workers' memory (RSS).

`--configs` takes names of configurations (CONFIGS in plan.py) and presets, comma-separated;
by default `sync,gthread,sync-persistent`. The preset `mechanisms` is `sync` and, with the
same gunicorn arguments, one configuration for each caching mechanism of the site switched
off: `sync-no-whole-pages` (PAGE_CACHE_WHOLE_PAGES=false), `sync-no-process-copies`
(PAGE_CACHE_PROCESS_COPIES=false), `sync-no-fragments` (PAGE_CACHE_FRAGMENTS=false) and `sync-no-cache` (PAGE_CACHE_ENABLED=false).

`--endpoints` takes pieces of endpoint names, comma-separated and in any case (default: all),
and measures only the rows whose names contain one: `--endpoints signed-in,queue`. The static
file's runs always stay in, since every ratio divides by them; a server none of whose rows is
chosen is not started (`--endpoints nginx` measures nginx alone, `--endpoints anonymous` leaves
nginx out).

The modules: plan.py (configurations, endpoints, the plan the arguments make), environment.py
(settings, database, seeding), sessions.py (the signed-in sessions), servers.py (gunicorn and
nginx processes), wrk.py and post.lua (wrk and its output), measure.py, report.py,
__main__.py (the command).
"""
