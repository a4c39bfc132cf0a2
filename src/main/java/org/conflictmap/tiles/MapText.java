package org.conflictmap.tiles;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The static map's words in the reader's language, from the page's own translator-edited files
 * (frontend/i18n/*.json, served from classpath:/static/i18n/): no second copy of a string. Numbers
 * in the locale's digits as the page's Intl writes them (Extended Arabic-Indic ۰۱۲… in Pashto, Dari
 * and Urdu), dates from the file's month names and day pattern, and lines laid out by a TextLayout:
 * right to left in Pashto, Dari and Urdu, Arabic-script runs shaped and set in {@link Labels#ARABIC_FONT}.
 */
final class MapText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Map<String, MapText> BY_LANG = new ConcurrentHashMap<>();

    /** The i18n file of each label language ({@code fa} is the page's Dari, fa-AF) and the locale of its numbers. */
    private static final Map<String, String[]> FILES = Map.of(
            "en",
            new String[] {"en", "en-GB"},
            "ps",
            new String[] {"ps", "fa-AF-u-nu-arabext"},
            "fa",
            new String[] {"fa-AF", "fa-AF-u-nu-arabext"},
            "ur",
            new String[] {"ur", "ur-PK-u-nu-arabext"});

    private final JsonNode strings;
    private final boolean rtl;
    private final Locale numbers;

    private MapText(JsonNode strings, boolean rtl, Locale numbers) {
        this.strings = strings;
        this.rtl = rtl;
        this.numbers = numbers;
    }

    /** The words of a label language: en, ps, fa or ur ({@link TilesController#language}). */
    static MapText of(String lang) {
        return BY_LANG.computeIfAbsent(lang, MapText::load);
    }

    private static MapText load(String lang) {
        String[] file = FILES.get(lang);
        if (file == null) {
            throw new IllegalArgumentException("no map text in " + lang);
        }
        try (InputStream in = MapText.class.getResourceAsStream("/static/i18n/" + file[0] + ".json")) {
            if (in == null) {
                throw new IllegalStateException("static/i18n/" + file[0] + ".json is not on the classpath");
            }
            return new MapText(
                    JsonMapper.builder().build().readTree(in), !lang.equals("en"), Locale.forLanguageTag(file[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean rtl() {
        return rtl;
    }

    /** The string for {@code key} (without placeholders), or {@code fallback} when the file has none. */
    String tOr(String key, String fallback) {
        return strings.get(key) != null && strings.get(key).isString() ? t(key) : fallback;
    }

    /** The string for {@code key} with its {placeholders} filled in; numbers in the locale's digits. */
    String t(String key, Object... params) {
        JsonNode s = strings.get(key);
        if (s == null || !s.isString()) {
            throw new IllegalStateException("no string " + key + " in the map's i18n file");
        }
        Matcher m = PLACEHOLDER.matcher(s.asString());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = null;
            for (int i = 0; i + 1 < params.length; i += 2) {
                if (params[i].equals(m.group(1))) {
                    value = params[i + 1];
                }
            }
            m.appendReplacement(
                    out, Matcher.quoteReplacement(value instanceof Number n ? num(n) : String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A number in the locale's digits (۱۰۰ in Pashto, Dari and Urdu). */
    String num(Number n) {
        return NumberFormat.getNumberInstance(numbers).format(n);
    }

    /** A day (UTC) as the page writes it: the file's day pattern and short month names, ungrouped digits. */
    String day(Instant at) {
        ZonedDateTime d = at.atZone(ZoneOffset.UTC);
        NumberFormat plain = NumberFormat.getIntegerInstance(numbers);
        plain.setGroupingUsed(false);
        return t(
                "dayPattern",
                "day",
                plain.format(d.getDayOfMonth()),
                "month",
                t("monthShort." + d.getMonthValue()),
                "year",
                plain.format(d.getYear()));
    }

    /**
     * A line laid out for drawing: right to left in Pashto, Dari and Urdu (an English outlet or title
     * inside keeps its own order), Arabic-script characters shaped in the Arabic face, the rest in {@code font}.
     */
    TextLayout layout(String text, Font font, FontRenderContext frc) {
        AttributedString s = new AttributedString(text);
        s.addAttribute(TextAttribute.FONT, font);
        Font arabic = new Font(Labels.ARABIC_FONT, font.getStyle(), (int) Math.round(font.getSize() * 1.1));
        int[] cps = text.codePoints().toArray();
        int at = 0;
        for (int c : cps) {
            int len = Character.charCount(c);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) {
                s.addAttribute(TextAttribute.FONT, arabic, at, at + len);
            }
            at += len;
        }
        s.addAttribute(
                TextAttribute.RUN_DIRECTION, rtl ? TextAttribute.RUN_DIRECTION_RTL : TextAttribute.RUN_DIRECTION_LTR);
        return new TextLayout(s.getIterator(), frc);
    }
}
