#!/usr/bin/env bash
# The shapefile export's reference "on the same table": ogr2ogr writing what the server's export
# writes — incidents_points (every incident at its point, the export's 22 fields under the same
# 10-character names), incidents_areas and incidents_lines (the incidents reported for an area or a
# line, as it), and claims.dbf (one row per claim, its sources as outlet names) — from the server's
# own incidents table, then zip. Usage: ogr2ogr-same-export.sh PG_CONNINFO OUT_DIR
set -euo pipefail
PG=$1; OUT=$2
rm -rf "$OUT" "$OUT.zip"; mkdir -p "$OUT"
FIELDS="id, title, type, status,
  to_char(occurred_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS start,
  to_char(occurred_end AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS \"end\",
  time_precision AS time_prec, geo_precision AS geo_prec, place_names AS places, place_ids, operation,
  contested, claims_count AS claims_n, party_names AS parties, killed_min AS kill_min, killed_max AS kill_max,
  wounded_min AS wound_min, wounded_max AS wound_max, source_outlets AS sources, summary, version,
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS updated"
layer() {  # name sql
  ogr2ogr -f 'ESRI Shapefile' "$OUT/$1.shp" "PG:$PG" -sql "$2" -nln "$1" -lco ENCODING=UTF-8 2>/dev/null
}
layer incidents_points "SELECT $FIELDS, geom_point FROM incidents ORDER BY occurred_start, id"
layer incidents_areas "SELECT $FIELDS, ST_Multi(geom) AS geom FROM incidents WHERE ST_Dimension(geom) = 2 ORDER BY occurred_start, id"
layer incidents_lines "SELECT $FIELDS, ST_Multi(geom) AS geom FROM incidents WHERE ST_Dimension(geom) = 1 ORDER BY occurred_start, id"
ogr2ogr -f 'ESRI Shapefile' "$OUT/claims.dbf" "PG:$PG" -nln claims -lco ENCODING=UTF-8 -sql "
  SELECT i.id AS incident_i, c.n::int AS claim_no, c.c->>'claimant' AS claimant, c.c->>'party' AS party, c.c->>'side' AS side,
         (c.c->>'killed')::int AS killed, (c.c->>'wounded')::int AS wounded, (c.c->>'captured')::int AS captured,
         (c.c->>'posts_captured')::int AS posts_capt, (c.c->>'posts_destroyed')::int AS posts_dest,
         (c.c->>'aircraft_downed')::int AS aircraft_d, c.c->>'statement' AS statement, c.c->>'stated_at' AS stated_at,
         (SELECT string_agg(s->>'outlet' || COALESCE(' (' || (s->>'wire') || ')', '') || COALESCE(', ' || (s->>'published'), ''), '; ')
            FROM jsonb_array_elements(i.sources::jsonb) s, jsonb_array_elements_text(c.c->'sources') cs WHERE s->>'id' = cs) AS sources
  FROM incidents i, jsonb_array_elements(i.claims::jsonb) WITH ORDINALITY AS c(c, n)
  ORDER BY i.occurred_start, i.id, c.n" 2>/dev/null
(cd "$OUT" && zip -q -1 -r "../$(basename "$OUT").zip" .)
