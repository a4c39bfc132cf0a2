package org.conflictmap.desk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The editors' desk.
 *
 * @param presenceTtl how long an open review counts as open after its last heartbeat (default 60 s; the desk
 *                    beats every 20 s), 10 s to 10 min
 */
@ConfigurationProperties("conflictmap.desk")
record DeskProperties(@DefaultValue("60s") Duration presenceTtl) {
    DeskProperties {
        if (presenceTtl.compareTo(Duration.ofSeconds(10)) < 0 || presenceTtl.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("conflictmap.desk.presence-ttl must be 10s..10m");
        }
    }
}
