package org.conflictmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A browser test's lifecycle: one {@link Browser} per test class, closed after its last test, and
 * after every test no request left 127.0.0.1 and no console error was logged (but those the test
 * provokes on purpose, {@link #provoked}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {
    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void nothingLeftTheMachineAndNothingFailed() {
        assertThat(browser.outside).as("requests to other hosts").isEmpty();
        assertThat(browser.consoleErrors.stream().filter(m -> !provoked(m)).toList())
                .as("console errors")
                .isEmpty();
    }

    /** Whether a console error is one the test provokes on purpose (none, unless a test says so). */
    boolean provoked(String consoleError) {
        return false;
    }
}
