"""`make bench`: the production configuration under load, side by side with a static file.

    .venv/bin/python -m config.bench [--duration 8] [--connections 16] [--configs sync,gthread]

Seeds its own database (`starlight_bench`, once; see reviews/management/commands/bench_seed.py),
starts gunicorn with config/gunicorn.conf.py and the settings of `make serve` on a loopback
port, once per server configuration compared, warms up and measures each endpoint with wrk
(Debian's; bounded in time, loopback only); then starts Debian's nginx with config/nginx.conf
in front and measures nginx's own static file and the review page from nginx's cache. Prints
the table, writes it to var/bench/results.md, and prints the workers' memory (RSS).

The modules: plan.py (configurations, endpoints, the plan the arguments make), environment.py
(settings, database, seeding), sessions.py (the signed-in sessions), servers.py (gunicorn and
nginx processes), wrk.py and comment_post.lua (wrk and its output), measure.py, report.py,
__main__.py (the command).
"""
