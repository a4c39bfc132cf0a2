package org.conflictmap.incidents;

import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;

/**
 * The id a draft of the ingest ({@code draft-<article>-<n>}) takes when it is published: its local day (the month
 * for a month-precise report), its first place and its type, as the bundled incidents are named
 * ({@code 2026-03-13-kurram-shelling}), with {@code -2}, {@code -3} … when taken. A published incident kept the
 * draft id and the public permalink read {@code ?i=draft-a-bab4d515456e0e1c-1} (docs/QA.md, D9). The day is the
 * one of the places' zone: Pakistan time (UTC+05:00) when every place that lies in a country lies in Pakistan,
 * else Afghan time (UTC+04:30), as the map reads it.
 */
final class PublishedIds {
    static final String DRAFT_PREFIX = "draft-";
    private static final ZoneOffset AFGHANISTAN = ZoneOffset.ofHoursMinutes(4, 30);
    private static final ZoneOffset PAKISTAN = ZoneOffset.ofHours(5);

    private PublishedIds() {}

    /** Whether publishing {@code old} as {@code now} gives it a new id: a draft of the ingest, now published. */
    static boolean renames(Incident old, Incident now) {
        return old.id().startsWith(DRAFT_PREFIX)
                && !"published".equals(old.status())
                && "published".equals(now.status());
    }

    /** The first id of {@code i}'s name that {@code taken} does not hold. */
    static String of(Incident i, Gazetteer gazetteer, Predicate<String> taken) {
        String base = base(i, gazetteer);
        String id = base;
        for (int n = 2; taken.test(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    static String base(Incident i, Gazetteer gazetteer) {
        var day =
                i.occurred().start().atOffset(zone(i, gazetteer)).toLocalDate().toString();
        String date = "month".equals(i.occurred().precision()) ? day.substring(0, 7) : day;
        String place = i.places().isEmpty() ? "" : slug(i.places().get(0).name());
        String type = slug(i.type());
        String id = String.join("-", date, place.isEmpty() ? type : place + "-" + type);
        return id.length() > 90 ? id.substring(0, 90).replaceAll("-+$", "") : id;
    }

    static ZoneOffset zone(Incident i, Gazetteer gazetteer) {
        var countries = i.places().stream()
                .map(p -> gazetteer.get(p.id()).map(Place::country).orElse(null))
                .filter(Objects::nonNull)
                .toList();
        return !countries.isEmpty() && countries.stream().allMatch("PK"::equals) ? PAKISTAN : AFGHANISTAN;
    }

    /** Lower-case ASCII letters and digits joined by single dashes ("Spīn Bōldak" → "spin-boldak"). */
    static String slug(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
