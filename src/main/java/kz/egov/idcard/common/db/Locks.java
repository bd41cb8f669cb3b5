package kz.egov.idcard.common.db;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.StringJoiner;

/**
 * PostgreSQL advisory locks held until the current transaction ends: they serialise work on
 * something that has no row to lock yet (a citizen's first application, a payment id, a phone's
 * login attempts). The keys are hashed by the database, so any string will do.
 */
public final class Locks {

    private Locks() {
    }

    /**
     * Waits for, then holds until the transaction ends, the locks named by the keys, taken in the
     * order given (keep one order everywhere, or two transactions may wait for each other), in one
     * round trip.
     */
    public static Uni<Void> advisory(String key, String... more) {
        StringJoiner select = new StringJoiner(", ", "SELECT ", "");
        for (int i = 1; i <= more.length + 1; i++) {
            select.add("CAST(pg_advisory_xact_lock(hashtext(?" + i + ")) AS text)");
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(select.toString()).setParameter(1, key);
            for (int i = 0; i < more.length; i++) {
                query.setParameter(i + 2, more[i]);
            }
            return query.getSingleResult();
        }).replaceWithVoid();
    }
}
