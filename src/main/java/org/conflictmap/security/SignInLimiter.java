package org.conflictmap.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.conflictmap.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account name and per client address over a window; past the limit every
 * sign-in for that name or from that address is refused with 429 until the window (counted from the
 * first failure) ends, right password or not. Unknown names are counted like known ones, so the answer
 * never tells whether an account exists.
 */
@Component
class SignInLimiter {
    private final Cache<String, AtomicInteger> failures;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    SignInLimiter(SecurityProperties properties) {
        this.window = properties.failureWindow();
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(100_000)
                .build();
        this.perAccount = properties.failuresPerAccount();
        this.perAddress = properties.failuresPerAddress();
    }

    /** Refuses (429) a sign-in for this name or address while either is over its limit. */
    void check(String name, String address) {
        if (count("n:" + name) >= perAccount || count("a:" + address) >= perAddress) {
            throw new ApiProblem(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins",
                    "too many failed sign-ins for this account or from this address; try again in "
                            + Math.max(1, window.toMinutes()) + " minutes",
                    List.of());
        }
    }

    void failed(String name, String address) {
        failures.asMap().computeIfAbsent("n:" + name, k -> new AtomicInteger()).incrementAndGet();
        failures.asMap()
                .computeIfAbsent("a:" + address, k -> new AtomicInteger())
                .incrementAndGet();
    }

    void succeeded(String name) {
        failures.invalidate("n:" + name);
    }

    private int count(String key) {
        AtomicInteger n = failures.getIfPresent(key);
        return n == null ? 0 : n.get();
    }

    long retryAfterSeconds() {
        return window.toSeconds();
    }
}
