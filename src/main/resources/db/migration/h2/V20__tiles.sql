-- Vector tiles on the embedded store are encoded in Java from the 4326 geometry (see
-- ../postgresql/V20__tiles.sql for the PostGIS column this version adds there).
COMMENT ON TABLE incidents IS 'incidents with contested claims; tiles are encoded from geom in Java on this store';
