"""碳普惠 API: partner systems posting records (issue 14: 500 records/s, p95 under 200 ms).

    .venv/bin/python benchmarks/bench_inclusive_api.py [--seconds 30] [--clients 4] [--batch 100]
                                                         [--rate 500]

Starts ``cocontrol serve`` on loopback with a fresh store, creates a partner token, then
``--clients`` threads each post batches of ``--batch`` fresh records (every record new, so each
post is credited and ledgered) for ``--seconds``; prints records per second and the latency
percentiles of the posts. Without ``--rate`` the clients post back to back (the most the
server takes); with ``--rate R`` they offer R records per second in all, spread evenly over
the clients (the goal's load), and a post that is late starts at once. Traffic stays on 127.0.0.1 and stops by itself.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

import httpx

PASSWORD = "Bench-Inclusive-2026!"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--rate", type=float, default=0.0, help="records per second offered")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="cocontrol_bench_api_")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "COCONTROL_HOME": home, "COCONTROL_ADMIN_PASSWORD": PASSWORD,
           "COCONTROL_EXAMPLES": home}
    env.pop("COCONTROL_DATABASE_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "cocontrol", "serve", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/healthz", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.5)
        admin = httpx.Client(base_url=base, timeout=30)
        csrf = admin.post("/api/auth/login", json={"username": "admin", "password": PASSWORD}
                          ).json()["csrf_token"]
        token = admin.post("/api/inclusive/partners", json={"partner": "bench", "region": "威海市"},
                           headers={"X-CSRF-Token": csrf}).json()["token"]
        latencies: list[float] = []
        posted = [0]
        lock = threading.Lock()
        stop = time.perf_counter() + args.seconds

        def client(k: int) -> None:
            http = httpx.Client(base_url=base, timeout=60,
                                headers={"Authorization": f"Bearer {token}"})
            n = 0
            gap = args.clients * args.batch / args.rate if args.rate else 0.0
            due = time.perf_counter() + k * gap / args.clients
            while time.perf_counter() < stop:
                if gap:
                    time.sleep(max(0.0, due - time.perf_counter()))
                    due += gap
                records = [{"record_id": f"c{k}-{n}-{i}", "person": f"p{(n * 7 + i) % 5000}",
                            "scene": "公交", "start": f"2025-03-{1 + i % 28:02d} {8 + k:02d}:00",
                            "end": f"2025-03-{1 + i % 28:02d} {8 + k:02d}:30", "distance_km": 5}
                           for i in range(args.batch)]
                t = time.perf_counter()
                r = http.post("/api/inclusive/records", json={"records": records})
                took = time.perf_counter() - t
                assert r.status_code == 200, r.text
                with lock:
                    latencies.append(took)
                    posted[0] += args.batch
                n += 1

        threads = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
        began = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - began
        latencies.sort()
        p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000  # noqa: E731
        print(f"{posted[0]:,} records in {elapsed:.1f} s = {posted[0] / elapsed:,.0f} records/s; "
              f"{len(latencies)} posts of {args.batch}: p50 {p(0.5):.0f} ms, p95 {p(0.95):.0f} ms, "
              f"max {latencies[-1] * 1000:.0f} ms")
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
