"""Benchmark: overview page and its API for a province of 16 cities, 50 concurrent clients.

Goal (issue 5): p95 under 200 ms on the 2-core machine, load generator on loopback, bounded in
request count and time. Set-up (synthetic, in a temporary COCONTROL_HOME, never the product
database): 山东省 with its 16 prefecture-level cities; each city gets a copy of one of the seed
cities' reviewed plans (``examples/plans``) with the region renamed, so the province page
summarises 16 cities with several hundred targets. The four seed cities keep their demo
activity data (their inventory is computed); the other twelve have none (数据暂缺 panels).

The server runs in its own process (uvicorn, one worker); results are warmed once, then each
scenario sends ``--requests`` requests from ``--clients`` concurrent signed-in clients
(stopping early after ``--seconds``).

"Request right after a data change" (follow-up to issue 5): ``--changes`` times, a coordinator
edits one of 威海市's targets (``PUT /api/targets/{id}``, bumping the data generation), and at
once every client requests ``/overview?region=威海市`` (one request each). The results are then
recomputed in the background, so these requests are answered from the last complete results
with the 正在重新计算 banner; the table also counts how many answers carried the banner and how
long the background refresh took until ``/api/refresh`` said ``done``.

    .venv/bin/python benchmarks/bench_web.py [--clients 50] [--requests 2000] [--seconds 120] [--changes 10]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

CITIES = ["济南市", "青岛市", "淄博市", "枣庄市", "东营市", "烟台市", "潍坊市", "济宁市", "泰安市", "威海市",
          "日照市", "临沂市", "德州市", "聊城市", "滨州市", "菏泽市"]
PASSWORD = "bench-Passw0rd"
BANNER = "正在重新计算".encode()




def prepare(home: Path) -> None:
    """Regions, 16 cities' plans (copies of the seed plans, renamed), 50 viewer accounts."""
    os.environ["COCONTROL_HOME"] = str(home)
    from cocontrol import demo
    from cocontrol.plans.io import load_yaml
    from cocontrol.store import models as m
    from cocontrol.store.db import get_engine, transaction
    from cocontrol.store.plans import store_plan
    from cocontrol.store.regions import ensure_region
    from cocontrol.web.security import hash_password

    seeds = [load_yaml(p) for p in demo.plan_files()]
    hashed = hash_password(PASSWORD)
    with transaction(get_engine()) as s:
        ensure_region(s, "山东省", level="province")
        for i, city in enumerate(CITIES):
            ensure_region(s, city, parent="山东省", level="city")
            doc = seeds[i % len(seeds)].model_copy(deep=True)
            doc.plan.id = f"bench-{i:02d}-{doc.plan.id}"
            doc.plan.region = city
            doc.plan.title = f"{city}（基准测试用副本）{doc.plan.title}"
            if doc.plan.doc_number:  # a copy, not the seed's own document (which the server seeds too)
                doc.plan.doc_number = f"{doc.plan.doc_number}（基准测试副本{i:02d}）"
            store_plan(s, doc, actor="benchmark")
        for n in range(50):
            s.add(m.User(username=f"bench{n}", password_hash=hashed, role="viewer"))
        s.add(m.User(username="bench-coordinator", password_hash=hashed, role="coordinator"))


def sign_in(base: str, user: str) -> str:
    """Cookie header of a signed-in session (httpx, once per client)."""
    with httpx.Client(base_url=base) as c:
        c.post("/api/auth/login", json={"username": user, "password": PASSWORD}).raise_for_status()
        return "; ".join(f"{k}={v}" for k, v in c.cookies.items())


async def client_loop(port: int, cookie: str, urls: list[str], budget: list[int], deadline: float,
                      latencies: list[float], errors: list[str], hits: list[int]) -> None:
    """One keep-alive HTTP/1.1 connection with a minimal client (so the load generator leaves
    the CPU to the server: httpx costs about a millisecond of CPU per request)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = 0
    try:
        while budget[0] > 0 and time.monotonic() < deadline:
            budget[0] -= 1
            url = urls[i % len(urls)]
            i += 1
            t0 = time.perf_counter()
            writer.write((f"GET {quote(url, safe='/?=&')} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          f"Cookie: {cookie}\r\n\r\n").encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = int(next(line.split(b":", 1)[1] for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length:")))
            body = await reader.readexactly(length)
            latencies.append(time.perf_counter() - t0)
            hits[0] += BANNER in body
            if status != 200:
                errors.append(f"{url}: {status}")
    finally:
        writer.close()


async def scenario(port: int, cookies: list[str], urls: list[str], requests: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    hits = [0]
    budget = [requests]
    t0 = time.monotonic()
    await asyncio.gather(*(client_loop(port, c, urls, budget, t0 + seconds, latencies, errors, hits)
                           for c in cookies))
    wall = time.monotonic() - t0
    return {**summary(latencies, wall), "errors": len(errors), "banner": hits[0], "lat": latencies}


def summary(latencies: list[float], wall: float) -> dict:
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {"n": len(latencies), "p50": q[49] * 1000, "p95": q[94] * 1000, "max": max(latencies) * 1000,
            "rps": len(latencies) / wall}


def after_changes(base: str, port: int, cookies: list[str], changes: int) -> dict:
    """``changes`` target edits, each followed at once by one overview request per client;
    waits for the background refresh between edits (its duration is reported)."""
    url = "/overview?region=威海市"
    latencies: list[float] = []
    refresh: list[float] = []
    errors = banners = 0
    wall = 0.0
    with httpx.Client(base_url=base, timeout=60) as coord:
        r = coord.post("/api/auth/login", json={"username": "bench-coordinator", "password": PASSWORD})
        r.raise_for_status()
        coord.headers["X-CSRF-Token"] = r.json()["csrf_token"]
        view = coord.get("/api/overview?region=威海市&wait=600").json()
        tid = next(t["id"] for d in view["domains"] for t in d["targets"] if t["value"] is not None)
        for i in range(changes):
            target = coord.get(f"/api/targets/{tid}").json()["target"]
            step = 0.1 if i % 2 == 0 else -0.1
            coord.put(f"/api/targets/{tid}", json={"version_id": target["version_id"],
                                                   "changes": {"value": target["value"] + step}}).raise_for_status()
            t0 = time.monotonic()
            res = asyncio.run(scenario(port, cookies, [url], len(cookies), 120))
            wall += time.monotonic() - t0
            latencies += res["lat"]
            errors, banners = errors + res["errors"], banners + res["banner"]
            while coord.get("/api/refresh?region=威海市").json()["state"] not in ("done", "failed"):
                time.sleep(0.1)
            refresh.append(time.monotonic() - t0)
    return {**summary(latencies, wall), "errors": errors, "banner": banners,
            "refresh": statistics.median(refresh), "refresh_max": max(refresh)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--port", type=int, default=8799)
    ap.add_argument("--changes", type=int, default=10, help="data changes in the after-a-change scenario")
    ap.add_argument("--workers", type=int, default=1, help="server worker processes (cocontrol serve --workers)")
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="cocontrol-bench-"))
    prepare(home)
    env = {**os.environ, "COCONTROL_HOME": str(home)}
    server = subprocess.Popen([sys.executable, "-m", "cocontrol", "serve", "--port", str(args.port),
                               "--workers", str(args.workers)], env={**env, "COCONTROL_ADMIN_PASSWORD": PASSWORD},
                              stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{args.port}"
    try:
        t0 = time.monotonic()
        ready = 0  # every worker has computed every region: 20 fresh connections in a row say so
        for _ in range(3000):
            try:
                ready = ready + 1 if httpx.get(f"{base}/healthz", timeout=5).json()["ready"] else 0
            except httpx.HTTPError:
                ready = 0
            if ready >= 20:
                break
            time.sleep(0.2 if ready else 1)
        with httpx.Client(base_url=base, timeout=900) as c:  # warm: every region computed once
            c.post("/api/auth/login", json={"username": "bench0", "password": PASSWORD}).raise_for_status()
            for url in ("/api/overview?region=山东省&wait=600", "/overview?region=山东省",
                        "/api/overview?region=威海市&wait=600", "/overview?region=威海市"):
                c.get(url).raise_for_status()
        print(f"start-up and warm-up ({args.workers} worker(s)): {time.monotonic() - t0:.1f} s", flush=True)
        scenarios = {
            "GET /overview?region=山东省 (page, 16 cities)": ["/overview?region=山东省"],
            "GET /api/overview?region=山东省 (API, 16 cities)": ["/api/overview?region=山东省"],
            "GET /overview?region=威海市 (page, one city)": ["/overview?region=威海市"],
        }
        print("| scenario | clients | requests | errors | p50 ms | p95 ms | max ms | req/s |")
        print("|---|---|---|---|---|---|---|---|")
        cookies = [sign_in(base, f"bench{n}") for n in range(args.clients)]
        for name, urls in scenarios.items():
            res = asyncio.run(scenario(args.port, cookies, urls, args.requests, args.seconds))
            print(f"| {name} | {args.clients} | {res['n']} | {res['errors']} | {res['p50']:.0f} | "
                  f"{res['p95']:.0f} | {res['max']:.0f} | {res['rps']:.0f} |", flush=True)
        if args.changes:
            res = after_changes(base, args.port, cookies, args.changes)
            print(f"| GET /overview?region=威海市 right after a data change ({args.changes} changes × "
                  f"{args.clients} clients; {res['banner']} answers with the banner) | {args.clients} | {res['n']} | "
                  f"{res['errors']} | {res['p50']:.0f} | {res['p95']:.0f} | {res['max']:.0f} | {res['rps']:.0f} |")
            print(f"\nbackground refresh after a change, until /api/refresh said done: median "
                  f"{res['refresh']:.1f} s, max {res['refresh_max']:.1f} s", flush=True)
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
