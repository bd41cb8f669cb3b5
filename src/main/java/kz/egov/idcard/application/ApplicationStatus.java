package kz.egov.idcard.application;

import java.util.EnumSet;
import java.util.Set;

/** docs/product.md, States. */
public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    IN_PRODUCTION,
    READY_FOR_PICKUP,
    ISSUED,
    CANCELLED,
    EXPIRED,
    REDIRECTED_TO_TSON,
    REJECTED;

    /** A citizen has at most one application in these (docs/product.md R8). */
    public static final Set<ApplicationStatus> ACTIVE = EnumSet.of(DRAFT, SUBMITTED, IN_PRODUCTION, READY_FOR_PICKUP);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
