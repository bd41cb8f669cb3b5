package kz.egov.idcard.sandbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import kz.egov.idcard.common.adapters.Adapter;
import java.time.Clock;
import java.time.OffsetDateTime;
import kz.egov.idcard.notification.PushChannel;

/** Keeps "pushed" notifications in {@code sandbox_push}, where {@code GET /sandbox/push} shows them. */
@ApplicationScoped
@Adapter("sandbox")
public class SandboxPushChannel implements PushChannel {

    private final SandboxRepository repository;
    private final Clock clock;

    public SandboxPushChannel(SandboxRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public Uni<Void> push(String iin, String title, String body) {
        return repository.push(iin, title, body, OffsetDateTime.now(clock));
    }
}
