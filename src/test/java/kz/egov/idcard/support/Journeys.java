package kz.egov.idcard.support;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import kz.egov.idcard.application.ApplicationService;
import kz.egov.idcard.application.Step;

/**
 * Completes a step the way the step's own feature does (through ApplicationService), for tests of
 * later steps that must not depend on how an earlier one is proved.
 */
@ApplicationScoped
public class Journeys {

    private final ApplicationService applications;

    public Journeys(ApplicationService applications) {
        this.applications = applications;
    }

    public void complete(String iin, String applicationId, Step step) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> applications
                    .owned(iin, UUID.fromString(applicationId))
                    .chain(application -> {
                        ApplicationService.requireNext(application, step);
                        return applications.completeStep(application, step, "test", step + " done in a test");
                    })));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Completes a step the way its own feature would, submitting when it was the last. */
    public void finish(String iin, String applicationId, Step step) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> applications
                    .owned(iin, UUID.fromString(applicationId))
                    .chain(application -> {
                        ApplicationService.requireNext(application, step);
                        return applications.finishStep(application, step, "test", step + " done in a test");
                    })));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public int expireStaleDrafts() {
        try {
            return VertxContextSupport.subscribeAndAwait(applications::expireStaleDrafts);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the paid-confirmation job once: reminders at half-time, cancellation with a refund at the end. */
    public int settleUnconfirmed() {
        try {
            return VertxContextSupport.subscribeAndAwait(applications::settleUnconfirmed);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the refund sender once; returns how many refunds it sent. */
    public int dispatchRefunds() {
        try {
            return VertxContextSupport.subscribeAndAwait(
                    () -> io.quarkus.arc.Arc.container().instance(kz.egov.idcard.payment.Refunds.class).get().dispatch());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the recomputation of estimated ready-on dates once. */
    public int refreshEstimatedReadyOn() {
        try {
            return VertxContextSupport.subscribeAndAwait(applications::refreshEstimatedReadyOn);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
