package org.conflictmap.incidents;

/**
 * Told of every write inside its transaction, once its history rows carry the write's {@code change_version}
 * (after the data version's bump, so in commit order): what is written here commits with the write or not at
 * all. The webhooks implement it (their outbox), so this package need not depend on them. It must be quick
 * and must never call out of the store: the write waits for it.
 */
public interface WriteOutbox {
    void written(long changeVersion);
}
