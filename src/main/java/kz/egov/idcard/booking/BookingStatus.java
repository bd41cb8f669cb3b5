package kz.egov.idcard.booking;

/** Where a booked visit stands: booked, cancelled by the citizen, or marked by the centre. */
public enum BookingStatus {
    BOOKED,
    CANCELLED,
    SERVED,
    NO_SHOW
}
