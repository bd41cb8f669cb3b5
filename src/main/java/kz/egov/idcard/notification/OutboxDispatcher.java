package kz.egov.idcard.notification;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Delivers due notifications; instances share the work through row locks. */
@ApplicationScoped
public class OutboxDispatcher {

    private final Notifications notifications;

    public OutboxDispatcher(Notifications notifications) {
        this.notifications = notifications;
    }

    @Scheduled(every = "${idcard.notifications.dispatch-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatch() {
        return notifications.dispatch().replaceWithVoid();
    }
}
