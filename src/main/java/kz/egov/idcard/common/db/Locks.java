package kz.egov.idcard.common.db;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * PostgreSQL advisory locks held until the current transaction ends: they serialise work on
 * something that has no row to lock yet (a citizen's first application, a payment id, a phone's
 * login attempts). The key is hashed by the database, so any string will do.
 */
public final class Locks {

    private Locks() {
    }

    /** Waits for, then holds until the transaction ends, the lock named {@code key}. */
    public static Uni<Void> advisory(String key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtext(?1)) AS text)")
                .setParameter(1, key).getSingleResult()).replaceWithVoid();
    }
}
