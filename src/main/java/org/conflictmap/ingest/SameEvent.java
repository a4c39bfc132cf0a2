package org.conflictmap.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.conflictmap.incidents.Claim;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.TimeInterval;

/**
 * Whether a second outlet's report and a stored draft or incident tell one event, beyond the place
 * ({@link ArticleIngest} decides "same or adjacent place" with the gazetteer). Outlets disagree on
 * three things about one event: its kind (one outlet's clash is another's cross-border fire or
 * shelling, one's suicide bombing another's blast), its time by hours (zones, "late Thursday" against
 * "overnight into Friday"), and, when one of them dates it only to a day, by up to a day. A day off
 * is taken only with evidence that the report is about this event and not the same place's fighting of
 * the night before or after: a figure of the draft stated again, or the same town or crossing with
 * the same kind and one of the two dated no finer than a day; two precisely dated nights stay two.
 */
final class SameEvent {
    /** Slack around an event's interval: reports of one event disagree by hours. */
    static final Duration SLACK = Duration.ofHours(6);
    /** How far apart a report dated to a day may be from the draft, with evidence that it is the same event. */
    static final Duration DAY_OFF = Duration.ofHours(24);
    /** Less than this apart, two reports told to the hour may be one event's, with a figure restated. */
    static final Duration HALF_A_DAY = Duration.ofHours(12);

    /** Kinds that outlets tell one event as: fire across the border (clash, exchange of fire, shelling), or a bombing. */
    static final List<Set<String>> KINDS_OF_ONE_EVENT =
            List.of(Set.of("armed_clash", "cross_border_fire", "shelling"), Set.of("suicide_bomb", "remote_explosive"));

    /** Precisions no finer than a day: a report dated so may be a day off (a zone, a weekday read against another day). */
    static final Set<String> COARSE = Set.of("day", "week", "month");

    private SameEvent() {}

    /** Whether two outlets' kinds can be one event's: the same, "other", or one family of {@link #KINDS_OF_ONE_EVENT}. */
    static boolean kindsAgree(String a, String b) {
        return EventTypes.compatible(a, b) || KINDS_OF_ONE_EVENT.stream().anyMatch(k -> k.contains(a) && k.contains(b));
    }

    /** The time between two intervals, zero when they overlap. */
    static Duration gap(TimeInterval a, TimeInterval b) {
        if (a.end().isBefore(b.start())) {
            return Duration.between(a.end(), b.start());
        }
        if (b.end().isBefore(a.start())) {
            return Duration.between(b.end(), a.start());
        }
        return Duration.ZERO;
    }

    /**
     * Whether the report's time fits the draft's: within {@link #SLACK}; within {@link #DAY_OFF} when one of them is
     * dated no finer than a day and the report restates a figure of the draft or names the same site ({@code
     * sameSite}: a town, crossing or district, not a province or the border) as the same kind; within {@link
     * #HALF_A_DAY} when both are told to the hour and the report restates a figure at the same site or as the same kind.
     */
    static boolean timesAgree(Incident draft, Incident report, boolean sameSite) {
        Duration gap = gap(draft.occurred(), report.occurred());
        if (gap.compareTo(SLACK) <= 0) {
            return true;
        }
        boolean figure = sharedFigure(draft.claims(), report.claims());
        if (!COARSE.contains(draft.occurred().precision())
                && !COARSE.contains(report.occurred().precision())) {
            // both told to the hour: a figure restated for the same site or kind within half a day ("early Saturday"
            // against "Saturday afternoon"); two nights' fighting, told as nights, are half a day apart or more
            return gap.compareTo(HALF_A_DAY) < 0
                    && figure
                    && (sameSite || draft.type().equals(report.type()));
        }
        return gap.compareTo(DAY_OFF) <= 0
                && (figure || sameSite && draft.type().equals(report.type()));
    }

    /**
     * Whether one claim of each states the same figure about the same side (a toll is what outlets copy from one
     * another; the claimant's name and party are often written differently). Zeros (denials) and absent figures
     * do not count: they are said of many events.
     */
    static boolean sharedFigure(List<Claim> a, List<Claim> b) {
        for (Claim x : a) {
            for (Claim y : b) {
                if (x.side().equals(y.side()) && sameFigure(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameFigure(Claim x, Claim y) {
        return positiveAndEqual(x.killed(), y.killed())
                || positiveAndEqual(x.wounded(), y.wounded())
                || positiveAndEqual(x.captured(), y.captured())
                || positiveAndEqual(x.postsCaptured(), y.postsCaptured())
                || positiveAndEqual(x.postsDestroyed(), y.postsDestroyed())
                || positiveAndEqual(x.aircraftDowned(), y.aircraftDowned());
    }

    private static boolean positiveAndEqual(Integer a, Integer b) {
        return a != null && a > 0 && Objects.equals(a, b);
    }

    /**
     * How good a match is, the best draft first: a draft over a published incident, time overlapping within
     * {@link #SLACK} over a day off, the same kind, then the more places shared, then the nearer in time.
     */
    static double rank(Incident i, Incident c) {
        long shared = i.places().stream()
                .filter(p -> c.places().stream().anyMatch(q -> q.id().equals(p.id())))
                .count();
        double hours = gap(i.occurred(), c.occurred()).toMinutes() / 60.0;
        return (i.status().equals("draft") ? 1000 : 0)
                + (hours <= SLACK.toHours() ? 500 : 0)
                + (i.type().equals(c.type()) ? 200 : 0)
                + Math.min(shared, 9) * 10
                + Math.max(0, 9 - Math.abs(hours(mid(i.occurred()), mid(c.occurred()))) / 24);
    }

    private static Instant mid(TimeInterval t) {
        return t.start().plus(Duration.between(t.start(), t.end()).dividedBy(2));
    }

    private static double hours(Instant a, Instant b) {
        return Duration.between(a, b).toMinutes() / 60.0;
    }
}
