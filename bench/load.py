"""The portal under load (issue 20, point 9): 50 clients for 60 s against gunicorn (3 workers) and PostgreSQL over the
demo data, as staff of the province and of a commune walk their usual pages.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_loadbench .venv/bin/python bench/load.py --fill
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_loadbench .venv/bin/python bench/load.py [--mix province]

Loopback only: the script starts gunicorn on 127.0.0.1 with production settings (DEBUG off, static files collected and
served by WhiteNoise, sessions and cache in the database) and sends its requests there, nowhere else; every mix stops
after its --seconds. With --fill the database named in the URL (its name must contain "bench") is dropped, created and
filled as ``make demo`` fills its own: migrate, createcachetable, load_admin_units --agencies 52 64, seed_demo.

Each client is locust user (a green thread of this process, geventhttpclient): it logs in as one demo account
(password danvan-demo-2026), then requests page after page with no pause, each chosen by its role's weights, a record's
page picked from the list it read before. Logins happen before the measured window: once every client is logged in,
the figures start from zero for --seconds. A mix's figures: requests per second over the window, the median and 95th
percentile of the response times, the errors (a status other than 200, or a page that is the login form), then the
same per page. The load generator runs on the same CPUs as the server: its CPU time is printed beside the server's.
"""

import argparse
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from random import Random

import gevent
from locust import FastHttpUser, constant, events
from locust.env import Environment

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import load, machine_facts, recreate_postgres  # noqa: E402 (the project root is on the path now)

PASSWORD = "danvan-demo-2026"
HOST, PORT = "127.0.0.1", 8765
SECRET_KEY = "bench-only-key-that-is-long-enough-for-django-checks-0123456789"
# The demo accounts of each mix, each with its share of the clients.
MIXES = {
    "province": {"tinh.tiepdan": 1, "tinh.xuly": 1, "tinh.lanhdao": 1, "tinh.baocao": 1},
    "commune": {"xa.tiepdan": 1, "xa.xuly": 1, "xa.lanhdao": 1},
}
NAMES = ["nguyen", "tran van", "le thi", "pham", "hoang", "nguyen thi hoa", "ksor", "siu", "rah lan", "vo van"]
LINK = {
    "visit": re.compile(r'href="(/tiep-cong-dan/luot-tiep/\d+/)"'),
    "petition": re.compile(r'href="(/don-thu/don/\d+/)"'),
    "case": re.compile(r'href="(/don-thu/vu-viec/\d+/)"'),
    "code": re.compile(r"\b((?:TD|DT)-[A-Z0-9]{4,})\b"),
}
REPORT_UNIT = re.compile(r'name="unit"[^>]*value="(\d+)"|<option value="(\d+)" selected>')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LOGIN_FORM = 'name="password"'


def report(line: str = "") -> None:
    print(line, flush=True)


class Staff(FastHttpUser):
    """A demo account that logs in once, then walks its role's pages with no pause (``pages``: name → weight)."""

    abstract = True
    wait_time = constant(0)
    host = f"http://{HOST}:{PORT}"
    username = ""
    logged_in = 0  # clients of every class logged in, for the measured window to start after the last login

    def on_start(self) -> None:
        self.draw = Random(id(self))
        self.seen: dict[str, list[str]] = {kind: [] for kind in LINK}
        with self.client.get("/dang-nhap/", name="login", catch_response=True) as response:
            token = CSRF.search(response.text).group(1)
        data = {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token, "next": "/"}
        with self.client.post("/dang-nhap/", data=data, name="login", catch_response=True) as response:
            if LOGIN_FORM in response.text:
                response.failure(f"{self.username}: login refused")
                raise SystemExit(f"{self.username} could not log in")
        Staff.logged_in += 1

    def page(self, url: str, name: str) -> str:
        """GET ``url`` (counted as ``name``); a page that is the login form counts as an error. The record links and
        codes it shows are kept for the next pages."""
        with self.client.get(url, name=name, catch_response=True) as response:
            text = response.text or ""
            if response.status_code == 200 and LOGIN_FORM in text and "dang-nhap" in text:
                response.failure("sent to the login form")
        for kind, pattern in LINK.items():
            found = pattern.findall(text)
            if found:
                self.seen[kind] = found[:20]
        return text

    def record(self, kind: str, list_url: str, name: str) -> None:
        """A record's page, chosen from what the last list showed (the list is read first when none was)."""
        if not self.seen[kind]:
            self.page(list_url, f"{name} (list)")
        if self.seen[kind]:
            self.page(self.draw.choice(self.seen[kind]), name)

    def search(self) -> None:
        codes = self.seen["code"]
        query = self.draw.choice(codes) if codes and self.draw.random() < 0.4 else self.draw.choice(NAMES)
        self.page(f"/tim-kiem/?q={query}", "search")

    def report_page(self) -> None:
        """The report of the user's default unit for a period the reporter picks, as the page's form sends it."""
        form = self.page("/bao-cao/", "report form")
        match = REPORT_UNIT.search(form)
        if match is None:
            return
        unit = match.group(1) or match.group(2)
        period = self.draw.choice(["period=year&year=2026", "period=q3&year=2026", "period=month&month=10&year=2026"])
        self.page(f"/bao-cao/?unit={unit}&{period}", "report")


# The pages of each role (the account name's second part), each with its weight.
PAGES = {
    "tiepdan": {
        "home": (2, lambda u: u.page("/", "home")),
        "desk": (4, lambda u: u.page("/tiep-cong-dan/", "desk")),
        "visit list": (3, lambda u: u.page("/tiep-cong-dan/luot-tiep/", "visit list")),
        "visit": (3, lambda u: u.record("visit", "/tiep-cong-dan/luot-tiep/", "visit")),
        "search": (2, Staff.search),
    },
    "xuly": {
        "home": (2, lambda u: u.page("/", "home")),
        "petition list": (3, lambda u: u.page("/don-thu/", "petition list")),
        "petition": (3, lambda u: u.record("petition", "/don-thu/", "petition")),
        "case list": (2, lambda u: u.page("/don-thu/vu-viec/", "case list")),
        "case": (3, lambda u: u.record("case", "/don-thu/vu-viec/", "case")),
        "queue": (2, lambda u: u.page("/viec-cua-toi/", "my queue")),
        "search": (1, Staff.search),
    },
    "lanhdao": {
        "home": (2, lambda u: u.page("/", "home")),
        "dashboard": (2, lambda u: u.page("/bao-cao/bang-dieu-khien/", "dashboard")),
        "queue": (2, lambda u: u.page("/viec-cua-toi/", "my queue")),
        "approvals": (1, lambda u: u.page("/don-thu/viec-can-lam/", "work queue")),
        "petition list": (1, lambda u: u.page("/don-thu/", "petition list")),
        "case list": (1, lambda u: u.page("/don-thu/vu-viec/", "case list")),
        "case": (2, lambda u: u.record("case", "/don-thu/vu-viec/", "case")),
        "visit list": (1, lambda u: u.page("/tiep-cong-dan/luot-tiep/", "visit list")),
        "report": (1, Staff.report_page),
        "search": (1, Staff.search),
    },
    "baocao": {
        "home": (2, lambda u: u.page("/", "home")),
        "report": (2, Staff.report_page),
        "dashboard": (2, lambda u: u.page("/bao-cao/bang-dieu-khien/", "dashboard")),
        "visit list": (1, lambda u: u.page("/tiep-cong-dan/luot-tiep/", "visit list")),
        "petition list": (1, lambda u: u.page("/don-thu/", "petition list")),
        "search": (1, Staff.search),
    },
}


def user_classes(mix: str, clients: int) -> list[type[Staff]]:
    """One class per account of ``mix``, with its share of ``clients`` and its role's pages as weighted tasks."""
    accounts = MIXES[mix]
    shares, left = {}, clients
    for index, (username, weight) in enumerate(accounts.items()):
        rest = len(accounts) - index
        shares[username] = left if rest == 1 else round(clients * weight / sum(accounts.values()))
        left -= shares[username]
    classes = []
    for username, count in shares.items():
        pages = PAGES[username.split(".")[1]]
        tasks = {step: weight for weight, step in pages.values()}
        classes.append(type(f"User_{username}", (Staff,), {"username": username, "fixed_count": count, "tasks": tasks}))
    return classes


def environment(database_url: str) -> dict[str, str]:
    """Production settings on plain HTTP over loopback: no TLS redirect, cookies without Secure."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "danvan.settings",
        "DANVAN_DEBUG": "0",
        "DANVAN_SECRET_KEY": SECRET_KEY,
        "DANVAN_ALLOWED_HOSTS": HOST,
        "DANVAN_SSL_REDIRECT": "0",
        "DANVAN_SECURE_COOKIES": "0",
        "DANVAN_HSTS_SECONDS": "0",
        "DANVAN_LOG_LEVEL": "WARNING",
    }


def manage(env: dict[str, str], *arguments: str) -> None:
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def fill(env: dict[str, str]) -> None:
    """The demo's database, as ``make demo`` fills its SQLite one."""
    start = time.perf_counter()
    recreate_postgres(env["DATABASE_URL"])
    manage(env, "migrate", "--noinput")
    manage(env, "createcachetable")
    manage(env, "load_admin_units", "--agencies", "52", "64")
    manage(env, "seed_demo")
    report(f"database filled with the demo data in {time.perf_counter() - start:.0f} s")


def start_server(env: dict[str, str], workers: int) -> subprocess.Popen:
    manage(env, "collectstatic", "--noinput", "-v", "0")
    command = [sys.executable, "-m", "gunicorn", "danvan.wsgi:application", "--workers", str(workers)]
    command += ["--bind", f"{HOST}:{PORT}", "--log-level", "warning", "--timeout", "120"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    import urllib.request

    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://{HOST}:{PORT}/dang-nhap/", timeout=5)
            return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit("gunicorn stopped at start") from None
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not answer within 60 s")


def cpu_of(pids: list[int]) -> float:
    """The CPU seconds (user + system) of the processes ``pids`` so far."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def server_pids(server: subprocess.Popen) -> list[int]:
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    return [server.pid, *map(int, children)]


def postgres_cpu(database_url: str, before: dict[int, float] | None = None) -> dict[int, float]:
    """The CPU seconds of the PostgreSQL backends serving the benchmark's database (a local server: /proc), by process;
    with ``before``, what each used since (a backend started since counts whole)."""
    import psycopg

    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    now = {pid: cpu_of([pid]) for (pid,) in rows}
    return {pid: seconds - (before or {}).get(pid, 0) for pid, seconds in now.items()}


def run_mix(mix: str, *, clients: int, seconds: int, server: subprocess.Popen, database_url: str) -> None:
    Staff.logged_in = 0
    env = Environment(user_classes=user_classes(mix, clients), events=events)
    runner = env.create_local_runner()
    runner.start(clients, spawn_rate=clients)
    deadline = time.monotonic() + 120
    while Staff.logged_in < clients and time.monotonic() < deadline:
        gevent.sleep(0.2)
    if Staff.logged_in < clients:
        report(f"  only {Staff.logged_in} of {clients} clients logged in within 120 s")
    env.stats.reset_all()
    pids = server_pids(server)
    server_cpu, own_cpu, started = cpu_of(pids), cpu_of([os.getpid()]), time.perf_counter()
    database_cpu = postgres_cpu(database_url)
    gevent.sleep(seconds)
    elapsed = time.perf_counter() - started
    figures = {name: entry for (name, _), entry in env.stats.entries.items()}
    total = env.stats.total
    server_cpu, own_cpu = cpu_of(pids) - server_cpu, cpu_of([os.getpid()]) - own_cpu
    database_cpu = sum(postgres_cpu(database_url, database_cpu).values())
    runner.quit()
    errors = Counter(
        f"{error.name}: {error.error}" for error in env.stats.errors.values() for _ in range(error.occurrences)
    )
    report(
        f"\n{mix} mix, {clients} clients ({', '.join(f'{c.username} × {c.fixed_count}' for c in env.user_classes)}), "
        f"{elapsed:.0f} s; {load()}"
    )
    report(
        f"  {total.num_requests / elapsed:6.1f} requests/s ({total.num_requests:,} requests), "
        f"p50 {total.get_response_time_percentile(0.5) / 1000:.2f} s, "
        f"p95 {total.get_response_time_percentile(0.95) / 1000:.2f} s, errors {total.num_failures}"
    )
    report(
        f"  CPU: gunicorn {server_cpu:.0f} s, PostgreSQL {database_cpu:.0f} s, load generator {own_cpu:.0f} s "
        f"(of {(os.cpu_count() or 1) * elapsed:.0f} s on {os.cpu_count()} CPUs); per request "
        f"{1000 * (server_cpu + database_cpu) / max(total.num_requests, 1):.0f} ms of server and database"
    )
    for name in sorted(figures, key=lambda n: -figures[n].num_requests):
        entry = figures[name]
        report(
            f"    {name:22} {entry.num_requests:6,} requests  p50 {entry.get_response_time_percentile(0.5):6,.0f} ms  "
            f"p95 {entry.get_response_time_percentile(0.95):6,.0f} ms  {entry.avg_content_length / 1024:6.0f} KB"
            f"  errors {entry.num_failures}"
        )
    for error, count in errors.most_common(5):
        report(f"    error × {count}: {error[:200]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fill", action="store_true", help="drop, create and fill the database first")
    parser.add_argument("--mix", default="province,commune", help="province, commune or both, comma-separated")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn's worker processes")
    options = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL=postgres://…/danvan_loadbench (a database whose name contains “bench”).")
    env = environment(database_url)
    report(f"danvan load benchmark, {time.strftime('%Y-%m-%d %H:%M')}")
    report(f"machine: {machine_facts()}; {load()}")
    if options.fill:
        fill(env)
    server = start_server(env, options.workers)
    report(f"server: gunicorn, {options.workers} sync workers, on {HOST}:{PORT}; PostgreSQL {database_url}")
    try:
        for mix in options.mix.split(","):
            run_mix(
                mix.strip(), clients=options.clients, seconds=options.seconds, server=server, database_url=database_url
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    report(f"\n{load()}")


if __name__ == "__main__":
    main()
