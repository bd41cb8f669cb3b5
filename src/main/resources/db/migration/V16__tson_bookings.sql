-- Public Service Center visits booked online (docs/product.md, Public Service Center visits).
-- Each centre's reception for ID cards: the slot length and how many citizens a slot takes; NULL is
-- the default for all centres (idcard.tson.slot-length, idcard.tson.slot-capacity).
ALTER TABLE public_service_center ADD COLUMN slot_minutes INTEGER CHECK (slot_minutes BETWEEN 5 AND 240);
ALTER TABLE public_service_center ADD COLUMN slot_capacity INTEGER CHECK (slot_capacity BETWEEN 1 AND 100);

-- A citizen's visit to a centre. A slot's capacity and a citizen's one active booking are kept by
-- advisory locks per citizen and per centre and day (booking/BookingRepository), not by an index:
-- a booking whose time has passed no longer counts as active, which no index can say.
CREATE TABLE tson_booking (
    id             UUID PRIMARY KEY,
    number         VARCHAR(16) NOT NULL UNIQUE,
    tson_id        VARCHAR(32) NOT NULL REFERENCES public_service_center (id),
    slot_start     TIMESTAMPTZ NOT NULL,
    slot_end       TIMESTAMPTZ NOT NULL,
    citizen_iin    VARCHAR(12) NOT NULL,
    citizen_name   VARCHAR(300) NOT NULL,
    phone          VARCHAR(16) NOT NULL,
    language       VARCHAR(2) NOT NULL,
    application_id UUID REFERENCES application (id),
    status         VARCHAR(16) NOT NULL CHECK (status IN ('BOOKED', 'CANCELLED', 'SERVED', 'NO_SHOW')),
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    marked_by      VARCHAR(200),
    version        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tson_booking_day ON tson_booking (tson_id, slot_start) WHERE status <> 'CANCELLED';
CREATE INDEX tson_booking_citizen ON tson_booking (citizen_iin, slot_start);
