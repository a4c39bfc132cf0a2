package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data version as another process moves it: a write committed through another DataVersion on its
 * own connection (what a second replica or the import command does) shows in the very next request
 * once the write has answered, also while other requests keep reading the version at the same moment;
 * with {@code version-max-age=0}, even a write that does not wait.
 */
class DataVersionContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    abstract static class Contract {
        @LocalServerPort
        int port;

        @Autowired
        DataSource dataSource;

        @Autowired
        DataVersion dataVersion;

        @Autowired
        StoreProperties properties;

        /** Bumps the version as another server process would (its own connection and DataVersion) and returns the new one. */
        long bumpElsewhere() {
            DataVersion other = new DataVersion(JdbcClient.create(dataSource), dataSource, properties);
            try {
                return other.bump().version();
            } finally {
                other.destroy();
            }
        }

        /** Bumps the version behind every DataVersion's back, and does not wait. */
        long bumpBySql() throws Exception {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.executeUpdate("UPDATE data_version SET version = version + 1 WHERE id = 1");
                try (var rs = s.executeQuery("SELECT version FROM data_version WHERE id = 1")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        @Test
        void aWriteByAnotherProcessChangesETagsAndTilesAtTheNextRequest() throws Exception {
            Http http = new Http(port);
            Http.Response list = http.get("/api/incidents?limit=1");
            String listTag = list.header("etag");
            assertThat(http.get("/api/incidents?limit=1", "If-None-Match", listTag)
                            .status())
                    .isEqualTo(304);
            String tile = "/tiles/incidents/6/44/25.mvt";
            http.get(tile, "Accept-Encoding", "gzip");
            Http.Response cached = http.get(tile, "Accept-Encoding", "gzip"); // from the tile cache, ahead of MVC
            String tileTag = cached.header("etag");

            long v = bumpElsewhere();

            Http.Response after = http.get("/api/incidents?limit=1", "If-None-Match", listTag);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.header("etag")).isNotEqualTo(listTag).contains("v" + v);
            Http.Response tileAfter = http.get(tile, "Accept-Encoding", "gzip");
            assertThat(tileAfter.header("etag")).isNotEqualTo(tileTag).startsWith("\"t" + v + "-");
            assertThat(http.get(tile, "If-None-Match", tileTag, "Accept-Encoding", "gzip")
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void aReadUnderWayWhenAnotherProcessCommitsIsNeverTheAnswerOfALaterRequest() throws Exception {
            assertThat(properties.versionMaxAge()).isPositive();
            assertThat(stale(dataVersion, 60, this::bumpElsewhere)).isEmpty();
        }

        @Test
        void withAMaxAgeOfZeroEveryRequestReadsTheVersionAndWritesNeedNotWait() throws Exception {
            DataVersion everyRequest = new DataVersion(
                    JdbcClient.create(dataSource),
                    dataSource,
                    new StoreProperties(properties.dataDir(), Duration.ZERO));
            try {
                assertThat(stale(everyRequest, 100, this::bumpBySql)).isEmpty();
            } finally {
                everyRequest.destroy();
            }
        }

        @Autowired
        org.springframework.transaction.PlatformTransactionManager transactions;

        @Test
        void aVersionReadInsideALongTransactionHoldsNoConnectionFromOtherRequests() throws Exception {
            // an export streams inside a read transaction for minutes, and asks for the version in it
            var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
            tx.setReadOnly(true);
            tx.executeWithoutResult(status -> {
                dataVersion.current();
                ExecutorService other = Executors.newSingleThreadExecutor();
                try {
                    long committed =
                            other.submit(this::bumpElsewhere).get(); // another process: outside this transaction
                    // were the read's connection tied to this transaction, this would fail after Hikari's 3 s
                    long seen =
                            other.submit(() -> dataVersion.current().version()).get();
                    assertThat(seen).isGreaterThanOrEqualTo(committed);
                } catch (Exception e) {
                    throw new AssertionError(e);
                } finally {
                    other.shutdown();
                }
            });
        }

        interface Bump {
            long bump() throws Exception;
        }

        /** Rounds of a write elsewhere, then a read here, while six threads keep reading the version beside them. */
        static List<String> stale(DataVersion reader, int rounds, Bump write) throws Exception {
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<Long>> readers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                readers.add(pool.submit(() -> {
                    long n = 0;
                    while (running.get()) {
                        reader.current();
                        n++;
                    }
                    return n;
                }));
            }
            List<String> stale = new ArrayList<>();
            try {
                for (int round = 0; round < rounds; round++) {
                    long committed = write.bump();
                    long seen = reader.current().version();
                    if (seen < committed) {
                        stale.add("round " + round + ": committed " + committed + ", read " + seen);
                    }
                }
            } finally {
                running.set(false);
                pool.shutdown();
            }
            long reads = 0;
            for (Future<Long> f : readers) {
                reads += f.get();
            }
            assertThat(reads).as("the readers ran beside the rounds").isPositive();
            return stale;
        }
    }
}
