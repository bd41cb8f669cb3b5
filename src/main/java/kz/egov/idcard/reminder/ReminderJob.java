package kz.egov.idcard.reminder;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends due reminders every {@code idcard.reminders.check-every}; safe on every instance (each
 * reminder is marked sent under a row lock in the transaction that queues it), and it catches
 * up after downtime: what fell due meanwhile is due still.
 */
@ApplicationScoped
public class ReminderJob {

    private final Reminders reminders;

    public ReminderJob(Reminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(every = "${idcard.reminders.check-every:1m}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> send() {
        return reminders.sendDue().replaceWithVoid();
    }
}
