package org.conflictmap.security;

import java.util.List;
import java.util.Set;
import org.conflictmap.web.ApiProblem;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Spring Security, set to the server's ways: every path is open to anonymous reads (controllers decide
 * who may write, through {@link Editors}); {@link AccountFilter} finds the editor; CSRF tokens are
 * required on writes that ride on a desk session (a request with a bearer token or without a session
 * cannot be forged by another site); refusals go out as problem+json through the one error path;
 * Spring Security's own headers, login page, logout URL and default user are off (the pages set their
 * own headers in webmap.PageSecurityFilter).
 */
@Configuration
class WebSecurity {
    static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    static final String CSRF_HEADER = "X-CSRF-Token";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    HttpSessionCsrfTokenRepository csrfTokens() {
        HttpSessionCsrfTokenRepository r = new HttpSessionCsrfTokenRepository();
        r.setHeaderName(CSRF_HEADER);
        return r;
    }

    @Bean
    HttpSessionSecurityContextRepository securityContexts() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * No observation of the security filter chain, its authentications or authorizations: with Micrometer on the
     * class path Spring Security wrapped each of its ten filters of every request in an observation and fed a
     * long-task timer and counters per filter, which nothing reads (no metrics endpoint; the server's own
     * {@code http.server.requests} observation is off for the same reason, application.yml). That was ~10 % of a
     * cold z12 vector tile's time in the server (JFR, 2026-12-07, docs/BENCHMARKS.md).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Present so that Spring Boot creates no default user (and logs no generated password); sign-in is {@link SessionController}. */
    @Bean
    UserDetailsService noUserDetails() {
        return name -> {
            throw new UsernameNotFoundException("sign in through /api/session");
        };
    }

    /** Only with a web server: the {@code user} and {@code import} commands start without one. */
    @Configuration
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Chain {
        @Bean
        SecurityFilterChain filterChain(
                HttpSecurity http,
                Accounts accounts,
                Editors editors,
                HttpSessionCsrfTokenRepository csrfTokens,
                HttpSessionSecurityContextRepository contexts,
                @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors)
                throws Exception {
            CsrfTokenRequestAttributeHandler plain =
                    new CsrfTokenRequestAttributeHandler(); // the raw token in the header, no BREACH masking: it never
            // travels in a compressed page
            http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .csrf(c -> c.csrfTokenRepository(csrfTokens)
                            .csrfTokenRequestHandler(plain)
                            .requireCsrfProtectionMatcher(r -> !SAFE.contains(r.getMethod())
                                    && AccountFilter.bearer(r) == null
                                    && r.getSession(false) != null))
                    .securityContext(s -> s.securityContextRepository(contexts))
                    .addFilterAfter(new AccountFilter(accounts, editors), SecurityContextHolderFilter.class)
                    .cors(c -> c.disable())
                    .headers(h -> h.disable())
                    .requestCache(c -> c.disable())
                    .logout(l -> l.disable())
                    .formLogin(f -> f.disable())
                    .httpBasic(b -> b.disable())
                    .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> errors.resolveException(
                                    req,
                                    res,
                                    null,
                                    new ApiProblem(
                                            HttpStatus.FORBIDDEN,
                                            "Forbidden",
                                            "this write came from a desk session without its CSRF token: " + "send the "
                                                    + CSRF_HEADER + " header that GET /api/session gives",
                                            List.of())))
                            .authenticationEntryPoint((req, res, ex) -> errors.resolveException(
                                    req,
                                    res,
                                    null,
                                    new ApiProblem(
                                            HttpStatus.UNAUTHORIZED, "Unauthorized", "sign in first", List.of()))));
            return http.build();
        }
    }
}
