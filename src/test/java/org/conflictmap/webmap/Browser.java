package org.conflictmap.webmap;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debian's Chromium driven by Playwright, offline: every request to a host other than this machine is
 * aborted and recorded, and every console error is recorded, so a test can assert there were none.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    final List<String> outside = new CopyOnWriteArrayList<>();
    final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    Browser() {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--no-first-run",
                                "--disable-quic",
                                "--disable-sync")));
    }

    /** A fresh page of the given size that refuses and records requests leaving this machine. */
    Page page(int width, int height) {
        return page(new NewContextOptions()
                .setViewportSize(width, height)
                .setHasTouch(width < 500)
                .setIsMobile(width < 500));
    }

    /** A fresh page with these options (a device scale factor, CSP bypassed to inject axe-core…), offline as above. */
    Page page(NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        context.route("**/*", route -> {
            String host = URI.create(route.request().url()).getHost();
            if (host == null || host.equals("127.0.0.1") || host.equals("localhost")) {
                route.resume();
            } else {
                outside.add(route.request().url());
                route.abort();
            }
        });
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(m.text());
            }
        });
        page.onPageError(e -> consoleErrors.add(e));
        return page;
    }

    /**
     * Closes a page's context. A request the offline route is handling at that moment may report the close it raced
     * ("Target page, context or browser has been closed", seen once in CI): the context is closed all the same.
     */
    static void close(Page page) {
        try {
            page.context().close();
        } catch (com.microsoft.playwright.PlaywrightException e) {
            if (e.getMessage() == null || !e.getMessage().contains("has been closed")) {
                throw e;
            }
        }
    }

    /** axe-core's violations on a page (its context must bypass the CSP to take the injected script), in words. */
    static List<?> axeViolations(Page page) {
        try (java.io.InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            page.evaluate(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return (List<?>)
                page.evaluate(
                        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                                + ".map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
    }

    /**
     * Waits until a JavaScript expression is true in a frame. Polls with evaluate: Playwright's own
     * waitForFunction evaluates strings in the page, which the page's CSP (no unsafe-eval) forbids.
     */
    static void until(com.microsoft.playwright.Frame frame, String expression) {
        long end = System.currentTimeMillis() + 20_000;
        while (!Boolean.TRUE.equals(frame.evaluate("() => Boolean(" + expression + ")"))) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + expression);
            }
            frame.page().waitForTimeout(50);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
