#!/usr/bin/env python3
"""Median milliseconds of GET requests: httptime.py URL RUNS WARM [cold].
With 'cold', each request gets a distinct open-ended datetime filter (same answer, new cache key).
Requests go over one kept-alive connection, as the raw-SQL side runs every query in one psql
session: neither side's figure includes setting up a connection (a new TCP connection and urllib's
set-up cost 4-6 ms a request here, more than a whole z12 tile)."""
import http.client, statistics, sys, time, urllib.parse

url, runs, warm = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cold = len(sys.argv) > 4 and sys.argv[4] == "cold"
u = urllib.parse.urlsplit(url)
conn = None
times = []
for n in range(warm + runs):
    path = u.path + ("?" + u.query if u.query else "")
    if cold:
        path += ("&" if "?" in path else "?") + "datetime=../2100-01-01T00:00:00.%09dZ" % (n + int(time.time()) % 100000 * 1000)
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
    if n >= warm:
        times.append((time.perf_counter() - t0) * 1000)
print(round(statistics.median(times), 2))
