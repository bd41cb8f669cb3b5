package kz.egov.idcard.sandbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Clock;
import java.time.OffsetDateTime;
import kz.egov.idcard.notification.PushChannel;

/** Keeps "pushed" notifications in {@code sandbox_push}, where {@code GET /sandbox/push} shows them. */
@ApplicationScoped
@Typed(SandboxPushChannel.class)
public class SandboxPushChannel implements PushChannel {

    private final Clock clock;

    public SandboxPushChannel(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Void> push(String iin, String title, String body) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO sandbox_push (iin, title, body, pushed_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, iin).setParameter(2, title).setParameter(3, body).setParameter(4, OffsetDateTime.now(clock))
                .executeUpdate())).replaceWithVoid();
    }
}
