package org.conflictmap.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.conflictmap.web.ApiProblem;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code java -jar conflict-map-server.jar ingest <dir or files…> [--outlet=NAME] [--published=YYYY-MM-DD]
 * [--spring/conflictmap options]}: ingests articles into the configured store without the web server,
 * as {@code POST /api/articles} does (one transaction per article). A {@code .txt} file is the article's
 * text, optionally after a header of {@code Outlet:}, {@code Published:}, {@code URL:}, {@code Title:}
 * lines and a blank line; a {@code .json} file is the API's body. A directory means its .txt and .json
 * files, in name order. Prints a progress line and, per article, its events, claims and drafts. Exit
 * code 0 when every article was read (a repeat counts: nothing new is made), 3 when some were refused
 * (listed with the reason), 1 when none could be read or the store cannot be reached.
 */
public final class IngestCommand {
    private IngestCommand() {}

    /** True when the arguments ask for this command. */
    public static boolean wanted(String[] args) {
        return args.length > 0 && args[0].equals("ingest");
    }

    public static int run(Class<?> application, String[] args, PrintStream out) {
        List<Path> files = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        String outlet = null;
        LocalDate published = null;
        for (int k = 1; k < args.length; k++) {
            String a = args[k];
            try {
                if (a.startsWith("--outlet=")) {
                    outlet = a.substring(9);
                } else if (a.startsWith("--published=")) {
                    published = LocalDate.parse(a.substring(12));
                } else if (a.startsWith("--")) {
                    rest.add(a);
                } else {
                    files.addAll(files(Path.of(a)));
                }
            } catch (DateTimeParseException e) {
                out.println("ingest: --published expects a date such as 2026-02-27, not " + a.substring(12));
                return 1;
            } catch (IOException e) {
                out.println("ingest: cannot read " + a + ": " + e.getMessage());
                return 1;
            }
        }
        if (files.isEmpty()) {
            out.println("usage: java -jar conflict-map-server.jar ingest <dir or files (.txt, .json)…> [--outlet=NAME] "
                    + "[--published=YYYY-MM-DD] [--spring.profiles.active=postgis ...]");
            return 1;
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        rest.add("--spring.main.banner-mode=off");
        long t0 = System.nanoTime();
        int read = 0;
        int refused = 0;
        int events = 0;
        int claims = 0;
        List<String> lines = new ArrayList<>();
        try (ConfigurableApplicationContext context = app.run(rest.toArray(String[]::new))) {
            ArticleIngest ingest = context.getBean(ArticleIngest.class);
            ObjectMapper json = context.getBean(ObjectMapper.class);
            for (int k = 0; k < files.size(); k++) {
                Path f = files.get(k);
                out.printf("\ringest: %d/%d articles %s", k + 1, files.size(), bar(k + 1, files.size()));
                out.flush();
                try {
                    ArticleIngest.Article a = article(f, outlet, published, json);
                    ArticleIngest.check(a);
                    ArticleIngest.Outcome o = ingest.ingest(a, "cli");
                    read++;
                    int c = o.events().stream()
                            .mapToInt(e -> e.event().claims().size())
                            .sum();
                    events += o.events().size();
                    claims += c;
                    long created = o.events().stream()
                            .filter(e -> "created".equals(e.action()))
                            .count();
                    long added = o.events().stream()
                            .filter(e -> "added".equals(e.action()))
                            .count();
                    long amends = o.events().stream()
                            .filter(e -> e.action() != null && e.action().startsWith("amends"))
                            .count();
                    lines.add(
                            o.created()
                                    ? String.format(
                                            "  %s: %d events, %d claims; drafts %d new, %d added to, %d amending published",
                                            f.getFileName(), o.events().size(), c, created, added, amends)
                                    : String.format(
                                            "  %s: submitted before (%s); drafts %s",
                                            f.getFileName(), o.articleId(), o.drafts()));
                } catch (ApiProblem e) {
                    refused++;
                    lines.add("  " + f.getFileName() + ": refused: " + e.getMessage());
                } catch (IOException | RuntimeException e) {
                    if (e instanceof DataAccessException) {
                        throw (DataAccessException) e;
                    }
                    refused++;
                    lines.add("  " + f.getFileName() + ": refused: " + e.getMessage());
                }
            }
        } catch (DataAccessException | IllegalStateException e) {
            out.println();
            out.println("ingest: the store cannot be reached: " + e.getClass().getSimpleName());
            return 1;
        }
        out.println();
        lines.forEach(out::println);
        out.printf(
                "ingest: %d articles read, %d refused; %d events, %d claims in %.1f s%n",
                read, refused, events, claims, (System.nanoTime() - t0) / 1e9);
        return read == 0 ? 1 : refused == 0 ? 0 : 3;
    }

    private static String bar(int done, int total) {
        int width = 30;
        int filled = (int) Math.round(width * (double) done / total);
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "]";
    }

    static List<Path> files(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            if (!Files.isReadable(p)) {
                throw new IOException("no such readable file");
            }
            return List.of(p);
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(f -> {
                        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return Files.isRegularFile(f) && (n.endsWith(".txt") || n.endsWith(".json"));
                    })
                    .sorted()
                    .toList();
        }
    }

    /** A file as an article: a .json body as the API takes it, or text after an optional header. */
    static ArticleIngest.Article article(Path f, String outlet, LocalDate published, ObjectMapper json)
            throws IOException {
        String raw = Files.readString(f, StandardCharsets.UTF_8);
        String name = f.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
            var b = json.readTree(raw);
            String text = b.path("text").asString("").strip();
            if (text.isEmpty()) {
                throw ApiProblem.badRequest("no text");
            }
            String o = b.path("outlet").isString() ? b.get("outlet").asString() : outlet != null ? outlet : name;
            LocalDate d = b.path("published").isString()
                    ? LocalDate.parse(b.get("published").asString().substring(0, 10))
                    : published;
            return new ArticleIngest.Article(
                    text,
                    o,
                    b.path("url").isString() ? b.get("url").asString() : null,
                    d == null ? LocalDate.now(ZoneOffset.UTC) : d,
                    b.path("title").isString() ? b.get("title").asString() : null);
        }
        String o = outlet;
        LocalDate d = published;
        String url = null;
        String title = null;
        String text = raw;
        String[] lines = raw.split("\n", -1);
        int k = 0;
        while (k < lines.length && lines[k].matches("(?i)(outlet|published|url|title):.*")) {
            String[] kv = lines[k].split(":", 2);
            String v = kv[1].strip();
            switch (kv[0].toLowerCase(Locale.ROOT)) {
                case "outlet" -> o = v;
                case "published" -> d = LocalDate.parse(v);
                case "url" -> url = v;
                default -> title = v;
            }
            k++;
        }
        if (k > 0) {
            text = String.join("\n", Arrays.copyOfRange(lines, k, lines.length));
        }
        text = text.strip();
        if (text.isEmpty()) {
            throw ApiProblem.badRequest("the file has no text");
        }
        return new ArticleIngest.Article(
                text, o == null ? name : o, url, d == null ? LocalDate.now(ZoneOffset.UTC) : d, title);
    }
}
