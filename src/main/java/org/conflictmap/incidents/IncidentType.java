package org.conflictmap.incidents;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The incident types, each once with everything the server and the page say of it: the one vocabulary of
 * types (issue 23). {@link Vocabulary#TYPES} is their ids; {@code ogcapi.Registrations} registers their
 * marks with the layer model ({@code layers.Marks}), from which the raster tiles, {@code /map.png}'s legend
 * and {@code /webmap/config.json} (the page's legend, symbols and filters) draw; the flat exports write their
 * ACLED names. The page's words for a type are translated in {@code frontend/i18n/*.json} under
 * {@code type.<id>}; {@link #label} is the English one, the page's fallback for a type no file names yet.
 *
 * <p>One palette (issue 21): the page's marks, the raster tiles' and {@code /map.png}'s marks and legend are
 * all drawn in {@link #colour} (Okabe and Ito's colour-blind-safe set) and {@link #shape}, so that no two types
 * differ by colour alone ({@code ColourBlindSafetyTest} holds both under simulated protanopia, deuteranopia
 * and tritanopia).
 */
public enum IncidentType {
    AIR_STRIKE("Air/drone strike", "Explosions/Remote violence", "Air/drone strike", "#D55E00", "triangle-down"),
    ARMED_CLASH("Armed clash", "Battles", "Armed clash", "#0072B2", "square"),
    SHELLING(
            "Shelling/artillery/missile",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "#E69F00",
            "triangle"),
    SUICIDE_BOMB("Suicide bombing", "Explosions/Remote violence", "Suicide bomb", "#CC79A7", "star"),
    REMOTE_EXPLOSIVE(
            "Remote explosive", "Explosions/Remote violence", "Remote explosive/landmine/IED", "#000000", "hexagon"),
    SHOOT_DOWN_CLAIM("Shoot-down claim", "Strategic developments", "Other", "#56B4E9", "cross"),
    CROSS_BORDER_FIRE(
            "Cross-border fire",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "#009E73",
            "diamond"),
    /** The catch-all: the static map's legend leaves it out, the page's contested mark is drawn as it. */
    OTHER("Other", "Strategic developments", "Other", "#7f7f7f", "circle");

    private final String label;
    private final String acledEvent;
    private final String acledSubEvent;
    private final String colour;
    private final String shape;

    /**
     * @param label         the English name (the page's, {@code frontend/i18n/en.json}'s {@code type.<id>})
     * @param acledEvent    ACLED's {@code event_type} the flat exports write for it
     * @param acledSubEvent ACLED's {@code sub_event_type} the flat exports write for it
     * @param colour        the marks' colour (page, raster tiles, static maps), {@code #RRGGBB}
     * @param shape         the marks' shape ({@code frontend/symbols.js} and {@code tiles.Painter} draw each)
     */
    IncidentType(String label, String acledEvent, String acledSubEvent, String colour, String shape) {
        this.label = label;
        this.acledEvent = acledEvent;
        this.acledSubEvent = acledSubEvent;
        this.colour = colour;
        this.shape = shape;
    }

    /** The id stored, filtered on and translated: {@code air_strike}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
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
