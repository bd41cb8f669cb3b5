package kz.egov.idcard.application;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Expires drafts untouched for longer than {@code idcard.applications.draft-ttl}, and settles paid
 * applications left unconfirmed (a reminder, then a cancellation with a refund); safe to run on
 * every instance (the rows are locked, each change made once). Ready-on dates estimated through
 * a year whose official calendar has since been published are recomputed.
 */
@ApplicationScoped
public class DraftExpiryJob {

    private final ApplicationService applications;

    public DraftExpiryJob(ApplicationService applications) {
        this.applications = applications;
    }

    @Scheduled(every = "${idcard.applications.expiry-check-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        return applications.expireStaleDrafts().chain(applications::settleUnconfirmed)
                .chain(applications::refreshEstimatedReadyOn).replaceWithVoid();
    }
}
