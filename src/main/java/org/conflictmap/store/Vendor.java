package org.conflictmap.store;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** The two stores the server runs on. Flyway's {@code {vendor}} folder names are the same words. */
public enum Vendor {
    /** The embedded H2 database with the H2GIS functions: the default. */
    H2GIS("h2"),
    /** PostgreSQL with PostGIS: production. */
    POSTGIS("postgresql");

    private final String migrationFolder;

    Vendor(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    public String migrationFolder() {
        return migrationFolder;
    }

    static Vendor of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2GIS;
        }
        if (product.contains("postgres")) {
            return POSTGIS;
        }
        throw new StoreUnavailableException("unsupported database '" + metaData.getDatabaseProductName()
                + "': the server runs on PostgreSQL/PostGIS or the embedded H2GIS store");
    }
}
