package org.conflictmap.layers;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a contract test over a table layer of its own stands on ({@code AddingATableLayerContractTest},
 * {@code TableDownloadsStreamTest}): the server's port, the store, the layers and their table reader, and the test's
 * table, made before each test as its migration would make it and filled the first time (the PostGIS test database
 * lives for the run).
 */
public abstract class TableLayerContract {
    static final String COUNT_ROWS = "SELECT COUNT(*) FROM ";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected Layers layers;

    @Autowired
    protected Tables tables;

    /** The table's name. */
    protected abstract String tableName();

    /** The store's statements that make the table (if it is not there yet), separated by ';'. */
    protected abstract String table();

    /** Puts the test's rows into the empty table. */
    protected abstract void fill();

    @BeforeEach
    void tableAndItsRows() {
        for (String statement : table().split(";")) {
            jdbc.execute(statement);
        }
        Long n = jdbc.queryForObject(COUNT_ROWS + tableName(), Long.class);
        if (n != null && n == 0) {
            fill();
        }
    }
}
