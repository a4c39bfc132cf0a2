package org.conflictmap.incidents;

import java.util.Arrays;
import java.util.List;

/**
 * The incident types, each once with everything the server and the page say of it: the one vocabulary of
 * types (issue 23). {@link Vocabulary#TYPES} is their ids; {@code ogcapi.Registrations} registers their
 * marks with the layer model ({@code layers.Marks}), from which the raster tiles, {@code /map.png}'s legend
 * and {@code /webmap/config.json} (the page's legend, symbols and filters) draw; the flat exports write their
 * ACLED names. The page's words for a type are translated in {@code frontend/i18n/*.json} under
 * {@code type.<id>}; {@link #label} is the English one, the page's fallback for a type no file names yet.
 *
 * <p>The page's marks ({@link #colour}: Okabe and Ito's colour-blind-safe set, each with its own
 * {@link #shape}) and the raster marks ({@link #paint}) are two palettes today, kept as they were so that no
 * tile, static map or page changes its pixels; making them one is a visible change to decide on its own.
 */
public enum IncidentType {
    AIR_STRIKE(
            "Air/drone strike",
            "Explosions/Remote violence",
            "Air/drone strike",
            "#D55E00",
            "triangle-down",
            "#c0392b"),
    ARMED_CLASH("Armed clash", "Battles", "Armed clash", "#0072B2", "square", "#8e44ad"),
    SHELLING(
            "Shelling/artillery/missile",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "#E69F00",
            "triangle",
            "#d35400"),
    SUICIDE_BOMB("Suicide bombing", "Explosions/Remote violence", "Suicide bomb", "#CC79A7", "star", "#2c3e50"),
    REMOTE_EXPLOSIVE(
            "Remote explosive",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
            "#000000",
            "hexagon",
            "#7f8c8d"),
    SHOOT_DOWN_CLAIM("Shoot-down claim", "Strategic developments", "Other", "#56B4E9", "cross", "#16a085"),
    CROSS_BORDER_FIRE(
            "Cross-border fire",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "#009E73",
            "diamond",
            "#b7950b"),
    /** The catch-all: the static map's legend leaves it out, the page's contested mark is drawn as it. */
    OTHER("Other", "Strategic developments", "Other", "#7f7f7f", "circle", "#95a5a6");

    private final String label;
    private final String acledEvent;
    private final String acledSubEvent;
    private final String colour;
    private final String shape;
    private final String paint;

    /**
     * @param label         the English name (the page's, {@code frontend/i18n/en.json}'s {@code type.<id>})
     * @param acledEvent    ACLED's {@code event_type} the flat exports write for it
     * @param acledSubEvent ACLED's {@code sub_event_type} the flat exports write for it
     * @param colour        the page's mark colour, {@code #RRGGBB}
     * @param shape         the page's mark shape ({@code frontend/symbols.js} draws each)
     * @param paint         the raster tiles' and static maps' mark colour, {@code #rrggbb}
     */
    IncidentType(String label, String acledEvent, String acledSubEvent, String colour, String shape, String paint) {
        this.label = label;
        this.acledEvent = acledEvent;
        this.acledSubEvent = acledSubEvent;
        this.colour = colour;
        this.shape = shape;
        this.paint = paint;
    }

    /** The id stored, filtered on and translated: {@code air_strike}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public String acledEvent() {
        return acledEvent;
    }

    public String acledSubEvent() {
        return acledSubEvent;
    }

    public String colour() {
        return colour;
    }

    public String shape() {
        return shape;
    }

    public String paint() {
        return paint;
    }

    /** The type of this id; {@link #OTHER} for an id that is none (the store holds only valid ones). */
    public static IncidentType of(String id) {
        for (IncidentType t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return OTHER;
    }

    /** Every id, in this order. */
    static List<String> ids() {
        return Arrays.stream(values()).map(IncidentType::id).toList();
    }
}
