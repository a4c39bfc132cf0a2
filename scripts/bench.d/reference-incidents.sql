-- The benchmark's synthetic incidents, as a plain reference table `bench_ref` (PostGIS).
-- Deterministic (fixed seed), :n rows over Afghanistan/Pakistan, Oct 2025 - Mar 2026: 40 % spread
-- evenly over the region, 60 % in normal clusters around eight cities (Kabul heaviest), the same
-- shape as the reference measurements in shared/bench-peers. The raw-PostGIS side of every
-- comparison reads this table; the server reads the same rows after importing them as ACLED CSV.
-- Usage: psql -v n=100000 -f reference-incidents.sql
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_ref;
CREATE TABLE bench_ref (
  id          bigint PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  type        text        NOT NULL,
  fatalities  integer     NOT NULL,
  injured     integer     NOT NULL,
  geom        geometry(Point, 4326) NOT NULL
);
SELECT setseed(0.42);
CREATE TEMP TABLE bench_cities(name text, lon float8, lat float8, lo float8, hi float8);
INSERT INTO bench_cities VALUES
  ('Herat',          62.2031, 34.3482, 0.00, 0.08), ('Islamabad', 73.0479, 33.6844, 0.08, 0.18),
  ('Jalalabad',      70.4515, 34.4265, 0.18, 0.28), ('Kabul',     69.1775, 34.5281, 0.28, 0.53),
  ('Kandahar',       65.7101, 31.6289, 0.53, 0.65), ('Mazar-i-Sharif', 67.1100, 36.7090, 0.65, 0.73),
  ('Peshawar',       71.5249, 34.0151, 0.73, 0.87), ('Quetta',    66.9750, 30.1798, 0.87, 1.00);
INSERT INTO bench_ref
SELECT g,
       timestamptz '2025-10-01 00:00:00+00' + r1 * interval '182 days',
       (ARRAY['air_strike','armed_clash','remote_explosive','shelling','suicide_bomb','air_strike','cross_border_fire','other'])[1 + floor(r2 * 8)::int],
       floor(-ln(1 - r3) * 3)::int,
       floor(-ln(1 - r4) * 6)::int,
       ST_SetSRID(ST_MakePoint(least(75, greatest(60, lon)), least(38, greatest(24, lat))), 4326)
FROM (
  SELECT g, r1, r2, r3, r4,
         CASE WHEN u < 0.4 THEN 60 + 15 * ux ELSE c.lon + 0.25 * n1 END AS lon,
         CASE WHEN u < 0.4 THEN 24 + 14 * uy ELSE c.lat + 0.25 * n2 END AS lat
  FROM (SELECT g, random() AS u, random() AS pick, random() AS ux, random() AS uy,
               random() AS r1, random() AS r2, random() AS r3, random() AS r4,
               sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS n1,
               sqrt(-2 * ln(1 - random())) * sin(2 * pi() * random()) AS n2
        FROM generate_series(1, :n) g) s
  LEFT JOIN bench_cities c ON s.pick >= c.lo AND s.pick < c.hi
) p;
ALTER TABLE bench_ref ADD COLUMN geom3857 geometry(Point, 3857);
UPDATE bench_ref SET geom3857 = ST_Transform(geom, 3857);
CREATE INDEX bench_ref_geom ON bench_ref USING gist (geom);
CREATE INDEX bench_ref_geom3857 ON bench_ref USING gist (geom3857);
VACUUM ANALYZE bench_ref;
