package org.conflictmap.tiles;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.conflictmap.geo.Bbox;
import org.conflictmap.incidents.DateRange;
import org.conflictmap.incidents.IncidentParams;
import org.conflictmap.incidents.IncidentQuery;
import org.conflictmap.web.Params;

/** The incident filter tiles and static maps take: {@code datetime}, {@code type}, {@code contested}. */
record TileFilter(DateRange period, Set<String> types, Boolean contested) {
    static final Set<String> PARAMS = Set.of("datetime", "type", "contested");

    static TileFilter parse(Function<String, String> param) {
        return new TileFilter(
                DateRange.parse(param.apply("datetime"), "datetime"),
                Set.copyOf(IncidentParams.types(param.apply("type"))),
                Params.bool("contested", param.apply("contested")));
    }

    IncidentQuery query(Bbox bbox) {
        return new IncidentQuery(
                bbox, period, types, null, contested, null, null, null, null, IncidentQuery.MAX_LIMIT, 0);
    }

    /** A stable text for cache keys. */
    String key() {
        return period.start() + "/" + period.end() + "|" + new TreeSet<>(types) + "|" + contested;
    }
}
