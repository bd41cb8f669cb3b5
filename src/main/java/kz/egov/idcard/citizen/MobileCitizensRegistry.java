package kz.egov.idcard.citizen;

import io.smallrye.mutiny.Uni;

/** The mobile citizens database (БМГ): which phone numbers are registered to which IIN. */
public interface MobileCitizensRegistry {

    /** Whether this phone number is registered to this IIN. Fails with REGISTRY_UNAVAILABLE when it cannot tell. */
    Uni<Boolean> isRegistered(String iin, String phone);
}
