#!/usr/bin/env python3
"""Median milliseconds of GET requests: httptime.py URL RUNS WARM [cold].
With 'cold', each request gets a distinct open-ended datetime filter (same answer, new cache key).
Requests go over one kept-alive connection, as the raw-SQL side runs every query in one psql
session: neither side's figure includes setting up a connection (a new TCP connection and urllib's
set-up cost 4-6 ms a request here, more than a whole z12 tile).
Warm-up is WARM requests and, when WARM > 0, at least WARM_SECONDS (env, default 3) of them: the JIT
compiles a request path only after some thousand calls (a cold z12 tile measured 7.6 ms after 10
warm-up requests, 2.8 ms after 1,000; the store's own part is ~2 ms), and PostgreSQL on the raw-SQL
side has no such start-up."""
import http.client, os, random, statistics, sys, time, urllib.parse

url, runs, warm = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cold = len(sys.argv) > 4 and sys.argv[4] == "cold"
u = urllib.parse.urlsplit(url)
conn = None
times = []
warm_until = time.perf_counter() + (float(os.environ.get("WARM_SECONDS", "3")) if warm > 0 else 0)
n = 0
key0 = random.randrange(3_000 * 1_000_000_000)
while len(times) < runs:
    path = u.path + ("?" + u.query if u.query else "")
    if cold:
        k = key0 + n  # a new instant within 2100-01-01's first hour per request, per run
        path += ("&" if "?" in path else "?") + "datetime=../2100-01-01T00:%02d:%02d.%09dZ" % (
            k // 60_000_000_000 % 60, k // 1_000_000_000 % 60, k % 1_000_000_000)
    t0 = time.perf_counter()
    for attempt in (1, 2):  # the server may close a kept-alive connection (Tomcat: 100 requests)
        try:
            if conn is None:
                conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=300)
            conn.request("GET", path)
            r = conn.getresponse()
            r.read()
            break
        except (http.client.HTTPException, ConnectionError):
            conn.close()
            conn = None
            if attempt == 2:
                raise
    if r.getheader("Connection", "").lower() == "close":
        conn.close()
        conn = None
    if r.status >= 300 and r.status != 204:
        print("NaN"); sys.exit(0)
    if n >= warm and time.perf_counter() >= warm_until:
        times.append((time.perf_counter() - t0) * 1000)
    n += 1
print(round(statistics.median(times), 2))
