package kz.egov.idcard.payment;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Sends the refunds due every {@code idcard.payments.refund-check-every}; safe on every instance. */
@ApplicationScoped
public class RefundJob {

    private final Refunds refunds;

    public RefundJob(Refunds refunds) {
        this.refunds = refunds;
    }

    @Scheduled(every = "${idcard.payments.refund-check-every:30s}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> send() {
        return refunds.dispatch().replaceWithVoid();
    }
}
