package kz.egov.idcard.sandbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;
import kz.egov.idcard.common.db.Locks;

/** The sandbox's own tables that have no entity: its secrets and the pushes it "sent". */
@ApplicationScoped
@WithSession
public class SandboxRepository {

    /** Loads a secret, or makes and stores it; instances starting at once agree on one value (an advisory lock). */
    public Uni<byte[]> secret(String name, OffsetDateTime now, Supplier<byte[]> make) {
        return Panache.withTransaction(() -> Locks.advisory("sandbox-secrets")
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery("SELECT value FROM sandbox_secret WHERE name = ?1", byte[].class)
                        .setParameter(1, name).getResultList()
                        .chain(found -> {
                            if (!found.isEmpty()) {
                                return Uni.createFrom().item(found.get(0));
                            }
                            byte[] value = make.get();
                            return session.createNativeQuery("INSERT INTO sandbox_secret (name, value, created_at) VALUES (?1, ?2, ?3)")
                                    .setParameter(1, name).setParameter(2, value).setParameter(3, now)
                                    .executeUpdate().replaceWith(value);
                        })));
    }

    public Uni<Void> push(String iin, String title, String body, OffsetDateTime now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO sandbox_push (iin, title, body, pushed_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, iin).setParameter(2, title).setParameter(3, body).setParameter(4, now)
                .executeUpdate())).replaceWithVoid();
    }

    /** The newest pushes to a citizen: iin, title, body, pushed_at. */
    public Uni<List<Object[]>> pushes(String iin, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT iin, title, body, pushed_at FROM sandbox_push WHERE iin = ?1 ORDER BY id DESC LIMIT ?2", Object[].class)
                .setParameter(1, iin).setParameter(2, limit).getResultList());
    }
}
