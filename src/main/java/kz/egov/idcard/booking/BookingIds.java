package kz.egov.idcard.booking;

import java.util.UUID;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;

/** A booking id from a path: anything that is not one names no booking (404). */
final class BookingIds {

    private BookingIds() {
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(ErrorCode.BOOKING_NOT_FOUND);
        }
    }
}
