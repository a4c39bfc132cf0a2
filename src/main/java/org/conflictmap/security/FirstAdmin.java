package org.conflictmap.security;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On a store without any account, creates the first admin from {@code CONFLICTMAP_ADMIN_NAME} and
 * {@code CONFLICTMAP_ADMIN_PASSWORD} ({@code conflictmap.security.admin-name/-password}); does nothing
 * once any account exists. The password is never logged.
 */
@Component
class FirstAdmin implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private final Accounts accounts;
    private final SecurityProperties properties;

    FirstAdmin(Accounts accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.adminName().isBlank() || properties.adminPassword().isEmpty() || accounts.count() > 0) {
            return;
        }
        Account admin = accounts.create(
                properties.adminName().strip().toLowerCase(Locale.ROOT), Account.ADMIN, properties.adminPassword());
        log.info("created the first admin account '{}' from CONFLICTMAP_ADMIN_NAME", admin.name());
    }
}
