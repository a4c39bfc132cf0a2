-- The PostGIS store keeps a narrow incident_tiles table for ST_AsMVT (../postgresql/V22); the
-- embedded store encodes tiles in Java from incidents and needs none.
COMMENT ON TABLE incidents IS 'incidents with contested claims; tiles are encoded from geom in Java on this store';
