package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 and the house style: "import, don't write {@code org.conflictmap.x.Y} inline". No code line of the
 * server (comments and strings aside) names a type by its package, unless its simple name is taken in that
 * file (imported from elsewhere, a class of the same package or declared in the file: {@code java.util.Collection}
 * beside {@code layers.Collection}). The files listed in {@link #LEFT} were others' work in progress when this
 * test came (issue 23's audit, docs/ISSUES-AUDIT.md): they keep theirs until that work lands, and the list only
 * shrinks.
 */
class InlineNamesTest {
    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])((?:[a-z][a-z0-9_]*\\.)+)([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("^import ([\\w.]+)\\.(\\w+);", Pattern.MULTILINE);
    private static final Pattern DECLARED =
            Pattern.compile("\\b(?:class|interface|enum|record|@interface)\\s+([A-Z]\\w*)");

    /** Files still holding inline names, each with how many; the count may only go down. */
    private static final Map<String, Integer> LEFT =
            Map.ofEntries(Map.entry("ingest/ArticleIngest.java", 1), Map.entry("ingest/ArticlesController.java", 3));

    @Test
    void noTypeIsNamedByItsPackageWhereItsSimpleNameIsFree() throws IOException {
        Map<String, List<String>> found = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(MAIN)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        for (Path f : files) {
            List<String> names = inlineNames(f);
            if (!names.isEmpty()) {
                found.put(MAIN.resolve("org/conflictmap").relativize(f).toString(), names);
            }
        }
        List<String> wrong = new ArrayList<>();
        found.forEach((file, names) -> {
            int allowed = LEFT.getOrDefault(file, 0);
            if (names.size() > allowed) {
                wrong.add(file + " (" + names.size() + ", " + allowed + " allowed): " + names);
            }
        });
        assertThat(wrong)
                .as("types written with their package instead of imported")
                .isEmpty();
        Set<String> done = new TreeSet<>();
        LEFT.forEach((file, n) -> {
            if (found.getOrDefault(file, List.of()).size() < n) {
                done.add(file + " has " + found.getOrDefault(file, List.of()).size() + ", not " + n);
            }
        });
        assertThat(done)
                .as("files of LEFT with fewer inline names: lower their count (or drop them)")
                .isEmpty();
    }

    /** The inline qualified names of one file's code whose simple name is free there. */
    static List<String> inlineNames(Path f) throws IOException {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        Set<String> taken = new HashSet<>();
        try (Stream<Path> s = Files.list(f.getParent())) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".java"))
                    .forEach(n -> taken.add(n.substring(0, n.length() - 5)));
        }
        Map<String, String> imported = new HashMap<>();
        Matcher im = IMPORT.matcher(text);
        while (im.find()) {
            imported.put(im.group(2), im.group(1) + "." + im.group(2));
        }
        Matcher dm = DECLARED.matcher(text);
        while (dm.find()) {
            taken.add(dm.group(1));
        }
        List<String> out = new ArrayList<>();
        for (String line : code(text).split("\n", -1)) {
            String l = line.strip();
            if (l.startsWith("import ") || l.startsWith("package ")) {
                continue;
            }
            Matcher m = QUALIFIED.matcher(line);
            while (m.find()) {
                String simple = m.group(2);
                String full = m.group(1) + simple;
                boolean clash = taken.contains(simple)
                        || (imported.containsKey(simple)
                                && !imported.get(simple).equals(full));
                if (!clash) {
                    out.add(full);
                }
            }
        }
        return out;
    }

    /** The text with comments, strings, text blocks and character literals blanked, lines kept. */
    static String code(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int end;
            if (text.startsWith("/*", i)) {
                end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (text.startsWith("//", i)) {
                end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (text.startsWith("\"\"\"", i)) {
                end = text.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < n && text.charAt(end) != c && text.charAt(end) != '\n') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
            } else {
                out.append(c);
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                out.append(text.charAt(k) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }
}
