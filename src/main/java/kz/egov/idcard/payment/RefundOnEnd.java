package kz.egov.idcard.payment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.application.ApplicationEnd;
import kz.egov.idcard.application.ApplicationEnd.Why;

/** An application that ends paid but without a card (cancelled, or not confirmed in time) gets its money back. */
@ApplicationScoped
public class RefundOnEnd implements ApplicationEnd {

    private final Refunds refunds;

    public RefundOnEnd(Refunds refunds) {
        this.refunds = refunds;
    }

    @Override
    public Uni<Void> ended(Application application, Why why) {
        if (application.paidAt == null) {
            return Uni.createFrom().voidItem();
        }
        Refund.Reason reason = why == Why.NOT_CONFIRMED ? Refund.Reason.NOT_CONFIRMED : Refund.Reason.CANCELLED_BY_CITIZEN;
        return Invoice.<Invoice>find("applicationId = ?1 and status = ?2", application.id, Invoice.Status.PAID).firstResult()
                .chain(paid -> paid == null || paid.paymentId == null ? Uni.createFrom().voidItem()
                        : refunds.request(paid, paid.paymentId, reason, application.applicantIin));
    }
}
