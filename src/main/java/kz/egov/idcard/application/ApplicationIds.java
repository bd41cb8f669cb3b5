package kz.egov.idcard.application;

import java.util.UUID;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;

/** An application id from a path: anything that is not one names no application (404), never a 400 or 500. */
public final class ApplicationIds {

    private ApplicationIds() {
    }

    public static UUID parse(String id) {
        if (id == null) {
            throw new ApiException(ErrorCode.APPLICATION_NOT_FOUND);
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.APPLICATION_NOT_FOUND);
        }
    }
}
