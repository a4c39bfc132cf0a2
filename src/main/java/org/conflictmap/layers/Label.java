package org.conflictmap.layers;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One way the raster styles name a collection's places, as data (a symbol layer's text in MapLibre's sense,
 * a Planetiler profile's label): which places, saying what, from which zoom, in which type and colour, with
 * which halo, and how much each is worth when two would collide. A gazetteer collection's {@link TileStyle}
 * holds its labels; the raster styles ({@code tiles.Labels}) place every collection's labels once per zoom and
 * language over the whole map, the higher priority first, each kept only where it collides with none placed
 * before it, and draw them over everything else, incidents included: no symbol ever hides a name.
 *
 * @param priority      who wins the room where two labels would collide: lower first (then the larger population,
 *                      then the place's id); equal priorities in registration order
 * @param kinds         the gazetteer kinds named, null for all the style draws
 * @param where         a property a place must carry to be named, with its value ({@code feature_code} =
 *                      {@code PPLC}: the capitals), null for none
 * @param field         what is written: {@code name}, the place's name in the reader's language (the local name
 *                      in Pashto, Dari or Urdu where the gazetteer has one, else the English name), or a
 *                      property of the place as it is stored
 * @param phrase        the key of a phrase of the page's words ({@code frontend/i18n/*.json}) the text is put
 *                      into as {@code {name}} ({@code crossing}: "{name} crossing", "{name} بندر"), null for
 *                      the text alone
 * @param minZoom       the first zoom it is drawn at (never before its style's own first zoom)
 * @param minPopulation from which zoom on a place needs how many people (zoom → people); empty: any
 * @param colour        the letters' colour, {@code #rrggbb}
 * @param size          the letters' size in pixels at pixel ratio 1 (Arabic script one larger: Naskh sits small)
 * @param weight        the Latin letters' weight or slant (Arabic script has no italic: regular there)
 * @param halo          how far the white halo reaches beyond the letters, in pixels
 * @param dx            pixels right of the place's point where the text starts; 0 centres it on the point
 * @param dot           whether a white dot with a dark ring marks the point (a city's)
 */
public record Label(
        int priority,
        Set<String> kinds,
        Map<String, String> where,
        String field,
        String phrase,
        int minZoom,
        SortedMap<Integer, Long> minPopulation,
        String colour,
        int size,
        Weight weight,
        float halo,
        float dx,
        boolean dot) {

    /** How the Latin letters are set. */
    public enum Weight {
        REGULAR,
        BOLD,
        ITALIC
    }

    /** The dark text of a city's name. */
    public static final String INK = "#222222";

    public Label {
        if (priority < 0 || minZoom < 0 || minZoom > 22 || size < 6 || size > 48 || halo < 0 || halo > 8 || dx < 0) {
            throw new IllegalArgumentException("a label has a priority ≥ 0, a first zoom 0..22, a size of 6..48 px, "
                    + "a halo of 0..8 px and no negative offset");
        }
        if (kinds != null && (kinds.isEmpty() || kinds.stream().anyMatch(k -> !k.matches("[a-z_]+")))) {
            throw new IllegalArgumentException("a label's kinds are gazetteer kinds: " + kinds);
        }
        kinds = kinds == null ? null : Set.copyOf(kinds);
        where = where == null ? Map.of() : Map.copyOf(where);
        if (where.size() > 1 || where.keySet().stream().anyMatch(k -> !k.matches("[a-z_]+"))) {
            throw new IllegalArgumentException("a label selects by one property at most: " + where);
        }
        if (field == null || !field.matches("[a-z_]+") || phrase != null && !phrase.matches("[A-Za-z.]+")) {
            throw new IllegalArgumentException(
                    "a label writes a field of the place, in a phrase of the page's words: " + field + ", " + phrase);
        }
        minPopulation =
                Collections.unmodifiableSortedMap(new TreeMap<>(minPopulation == null ? Map.of() : minPopulation));
        if (minPopulation.entrySet().stream().anyMatch(e -> e.getKey() < 0 || e.getValue() < 0)) {
            throw new IllegalArgumentException("a label's populations are by zoom ≥ 0: " + minPopulation);
        }
        if (colour == null || !colour.matches(Paint.HEX) || weight == null) {
            throw new IllegalArgumentException("a label's colour is #rrggbb and it has a weight: " + colour);
        }
    }

    /**
     * The names of the places of {@code kinds} (none: every kind the style draws) at {@code priority}: dark, bold
     * 11 px letters right of the point with a 1.5 px halo, from zoom 0.
     */
    public static Label names(int priority, String... kinds) {
        return new Label(
                priority,
                kinds.length == 0 ? null : Set.of(kinds),
                null,
                "name",
                null,
                0,
                null,
                INK,
                11,
                Weight.BOLD,
                1.5f,
                5,
                false);
    }

    /** This label from zoom {@code z} on. */
    public Label from(int z) {
        return new Label(priority, kinds, where, field, phrase, z, minPopulation, colour, size, weight, halo, dx, dot);
    }

    /** This label for the places whose {@code property} is {@code value} only. */
    public Label where(String property, String value) {
        return new Label(
                priority,
                kinds,
                Map.of(property, value),
                field,
                phrase,
                minZoom,
                minPopulation,
                colour,
                size,
                weight,
                halo,
                dx,
                dot);
    }

    /** This label writing the place's {@code property} instead of its name. */
    public Label field(String property) {
        return new Label(
                priority, kinds, where, property, phrase, minZoom, minPopulation, colour, size, weight, halo, dx, dot);
    }

    /** This label's text put into the page's phrase {@code key} as {@code {name}}. */
    public Label phrase(String key) {
        return new Label(
                priority, kinds, where, field, key, minZoom, minPopulation, colour, size, weight, halo, dx, dot);
    }

    /** This label only for places of at least {@code people} from zoom {@code z} on (and none before the first such zoom). */
    public Label populous(int z, long people) {
        SortedMap<Integer, Long> m = new TreeMap<>(minPopulation);
        m.put(z, people);
        return new Label(priority, kinds, where, field, phrase, minZoom, m, colour, size, weight, halo, dx, dot);
    }

    /** This label in letters of this colour, size and weight. */
    public Label letters(String c, int px, Weight w) {
        return new Label(priority, kinds, where, field, phrase, minZoom, minPopulation, c, px, w, halo, dx, dot);
    }

    /** This label with a halo reaching {@code px} beyond its letters. */
    public Label halo(float px) {
        return new Label(
                priority, kinds, where, field, phrase, minZoom, minPopulation, colour, size, weight, px, dx, dot);
    }

    /** This label starting {@code px} right of its point (0: centred on it). */
    public Label right(float px) {
        return new Label(
                priority, kinds, where, field, phrase, minZoom, minPopulation, colour, size, weight, halo, px, dot);
    }

    /** This label with a dot at its point. */
    public Label dotted() {
        return new Label(
                priority, kinds, where, field, phrase, minZoom, minPopulation, colour, size, weight, halo, dx, true);
    }

    /**
     * Whether a place of this population is named at {@code zoom}: from its first populous zoom on, with the
     * population that zoom asks (a place of unknown population has none).
     */
    public boolean shows(int zoom, Long population) {
        if (minPopulation.isEmpty()) {
            return true;
        }
        SortedMap<Integer, Long> upTo = minPopulation.headMap(zoom + 1);
        return !upTo.isEmpty() && (population == null ? 0 : population) >= upTo.get(upTo.lastKey());
    }
}
