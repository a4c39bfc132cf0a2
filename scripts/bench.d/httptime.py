#!/usr/bin/env python3
"""Median milliseconds of GET requests: httptime.py URL RUNS WARM [cold].
With 'cold', each request gets a distinct open-ended datetime filter (same answer, new cache key)."""
import statistics, sys, time, urllib.request

url, runs, warm = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cold = len(sys.argv) > 4 and sys.argv[4] == "cold"
times = []
for n in range(warm + runs):
    u = url
    if cold:
        u += ("&" if "?" in url else "?") + "datetime=../2100-01-01T00:00:00.%09dZ" % (n + int(time.time()) % 100000 * 1000)
    t0 = time.perf_counter()
    with urllib.request.urlopen(u, timeout=300) as r:
        r.read()
        if r.status >= 300 and r.status != 204:
            print("NaN"); sys.exit(0)
    if n >= warm:
        times.append((time.perf_counter() - t0) * 1000)
print(round(statistics.median(times), 2))
