#!/usr/bin/env python3
"""Medians of scripts/bench.d/ab's TSV (round, side, case, wall ms, JVM CPU ms per request):
ab-summary.py TSV [SIDE …] (default old new; the first is the base). Per case each side's median wall time
and JVM CPU per request over the rounds, each other side's ratio to the base per round (and their median),
and each side's ratio to its reference (the median of the rounds' ratios)."""
import collections, statistics, sys

rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
sides = sys.argv[2:] or ["old", "new"]
base = sides[0]
val = collections.defaultdict(dict)   # (side, case) -> {round: (wall, cpu)}
f = lambda v: float(v) if v not in ("", "NaN") else None
for r, side, case, wall, cpu in rows:
    val[(side, case)][int(r)] = (f(wall), f(cpu))
med = lambda xs: statistics.median(xs) if xs else float("nan")

def series(side, case, i=0):
    return {k: v[i] for k, v in val.get((side, case), {}).items() if v[i] is not None}

order = list(dict.fromkeys(r[2] for r in rows))
cases = [c for c in order if any((s, c) in val for s in sides) and not c.endswith("-twin")]
rounds = sorted({int(r[0]) for r in rows})
print(f"{len(rounds)} rounds; wall ms (median), JVM CPU ms per request (median), ratio to {base} per round")
for c in cases:
    print(f"\n{c}")
    for s in sides:
        w, cp = series(s, c), series(s, c, 1)
        line = f"  {s:8s} wall {med(list(w.values())):9.2f}  cpu {med(list(cp.values())):8.2f}"
        if s != base:
            b, bc = series(base, c), series(base, c, 1)
            per = [w[k] / b[k] for k in rounds if k in w and k in b and b[k]]
            perc = [cp[k] / bc[k] for k in rounds if k in cp and k in bc and bc[k]]
            line += (f"  /{base}: wall {med(per):5.2f} [{' '.join(f'{x:.2f}' for x in per)}]"
                     f"  cpu {med(perc):5.2f} [{' '.join(f'{x:.2f}' for x in perc)}]")
        print(line)
print("\nreferences (ms, median over rounds)")
for (s, c) in sorted(val):
    if c.endswith("-twin") or s == "ref":
        print(f"  {s:8s} {c:22s} {med(list(series(s, c).values())):9.2f}")
refs = {"mvt-z12-cold": ("mvt-z12-psql-twin", None), "mvt-z8-cold": ("mvt-z8-psql-twin", None),
        "items-10k": (None, "items-raw-geojson"), "shp-100k": (None, "ogr2ogr-5-columns")}
print(f"\nratio to its reference (median of the rounds' ratios): " + " ".join(f"{s:>8s}" for s in sides))
for c, (own, shared) in refs.items():
    out = []
    for s in sides:
        srv = series(s, c)
        ref = series(s, own) if own else series("ref", shared)
        out.append(med([srv[k] / ref[k] for k in srv if k in ref and ref[k]]))
    print(f"  {c:22s} vs {(own or shared):20s}" + " ".join(f"{x:8.2f}" for x in out))
