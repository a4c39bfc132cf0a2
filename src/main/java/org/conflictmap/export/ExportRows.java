package org.conflictmap.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.conflictmap.incidents.AdminAreas;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.IncidentQuery;
import org.conflictmap.incidents.IncidentRepository;
import org.conflictmap.incidents.Queryables;
import org.conflictmap.incidents.StoredRow;
import org.conflictmap.layers.GeometryType;
import org.conflictmap.ogcapi.IncidentFilter;

/**
 * The incidents one export request selects, as the typed rows a format asks for: built incidents,
 * their stored GeoJSON Feature texts, or chosen attributes as stored ({@link StoredRow}). Each streams from
 * the store in time order, one row at a time; an {@link IOException} of the download comes out as itself.
 * The collection's {@link GeometryType} says what geometry every row has (a typed file declares it), its
 * {@link FileLayers} what the file names its layers.
 */
final class ExportRows {
    private final IncidentRepository incidents;
    private final IncidentFilter filter;
    private final boolean claimsTable;
    private final GeometryType geometryType;
    private final FileLayers layers;
    private final AdminAreas admin;

    ExportRows(
            IncidentRepository incidents,
            IncidentFilter filter,
            boolean claimsTable,
            GeometryType geometryType,
            FileLayers layers,
            AdminAreas admin) {
        this.incidents = incidents;
        this.filter = filter;
        this.claimsTable = claimsTable;
        this.geometryType = geometryType;
        this.layers = layers;
        this.admin = admin;
    }

    /** The country, province and district an incident lies in, for ACLED's columns. */
    AdminAreas.Admin admin(Incident i) {
        return admin.of(i);
    }

    /** The one geometry type of the exported collection ({@link GeometryType#ANY} for the whole incidents). */
    GeometryType geometryType() {
        return geometryType;
    }

    /** What the file names its layers: after the collection ({@link FileLayers}). */
    FileLayers layers() {
        return layers;
    }

    /** Whether the request asked for the claims table ({@code table=claims}) instead of the incidents. */
    boolean claimsTable() {
        return claimsTable;
    }

    FileWriters.Source<Incident> incidents() {
        return each -> rethrowingIo(() -> filter.stream(incidents, 0, IncidentQuery.MAX_LIMIT, unchecked(each)));
    }

    /** The stored GeoJSON Feature text of each incident, as UTF-8 bytes. */
    FileWriters.Source<byte[]> features() {
        return each ->
                rethrowingIo(() -> filter.streamFeatures(incidents, 0, IncidentQuery.MAX_LIMIT, unchecked(each)));
    }

    /** The stored values of these attributes, in their order, read as their types. */
    FileWriters.Source<StoredRow> stored(List<Queryables.Attribute> attributes) {
        return each -> rethrowingIo(() -> incidents.streamStored(
                filter.query().withPage(IncidentQuery.MAX_LIMIT, 0), attributes, unchecked(each)));
    }

    /** Parses {@link StoredRow#claims()} and {@link StoredRow#sources()}; safe to share between threads. */
    IncidentRepository.StoredClaims storedClaims() {
        return incidents.storedClaims();
    }

    /** The store's row callbacks cannot throw {@link IOException}: it travels wrapped and comes out in {@link #rethrowingIo}. */
    static <T> Consumer<T> unchecked(FileWriters.Each<T> each) {
        return row -> {
            try {
                each.accept(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static void rethrowingIo(Runnable read) throws IOException {
        try {
            read.run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
