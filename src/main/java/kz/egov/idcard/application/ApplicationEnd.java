package kz.egov.idcard.application;

import io.smallrye.mutiny.Uni;

/**
 * What another feature must do when an application ends before a card is made (CANCELLED, or
 * EXPIRED): the payment package gives back what was paid. Called in the transaction that ends it,
 * so that the end and what follows from it commit together. The application package knows no step;
 * the steps plug in here.
 */
public interface ApplicationEnd {

    /** Why an application ended before its card. */
    enum Why {
        /** The citizen cancelled it (POST /applications/{id}/cancel). */
        CANCELLED_BY_CITIZEN,
        /** It was paid and not confirmed within idcard.applications.paid-confirmation-ttl. */
        NOT_CONFIRMED,
        /** An unpaid draft left untouched (idcard.applications.draft-ttl). */
        EXPIRED
    }

    /** The application has just moved to its final status, in the caller's transaction. */
    Uni<Void> ended(Application application, Why why);
}
