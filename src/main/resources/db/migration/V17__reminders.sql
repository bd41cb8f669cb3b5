-- Reminders (docs/product.md, Reminders), each sent once: the record a reminder is about says
-- when it was sent (a draft about to expire, a card not collected, a visit tomorrow), so that
-- several instances, and a restart, never send it twice; what a citizen asks for (the day the
-- online window opens) is a row of its own until it is sent or withdrawn.
ALTER TABLE application ADD COLUMN expiry_reminded_at TIMESTAMPTZ;
ALTER TABLE application ADD COLUMN pickup_reminded_at TIMESTAMPTZ;
ALTER TABLE tson_booking ADD COLUMN reminded_at TIMESTAMPTZ;
CREATE INDEX application_ready_for_pickup ON application (updated_at) WHERE status = 'READY_FOR_PICKUP' AND pickup_reminded_at IS NULL;

CREATE TABLE reminder (
    id          UUID PRIMARY KEY,
    kind        VARCHAR(32) NOT NULL CHECK (kind IN ('WINDOW_OPENS')),
    citizen_iin VARCHAR(12) NOT NULL,
    -- What it is about, once per citizen: the day the window opens.
    subject     VARCHAR(64) NOT NULL,
    phone       VARCHAR(16) NOT NULL,
    language    VARCHAR(2) NOT NULL,
    params      TEXT NOT NULL,
    due_at      TIMESTAMPTZ NOT NULL,
    status      VARCHAR(16) NOT NULL CHECK (status IN ('PENDING', 'SENT', 'WITHDRAWN')),
    created_at  TIMESTAMPTZ NOT NULL,
    sent_at     TIMESTAMPTZ
);
CREATE UNIQUE INDEX reminder_once ON reminder (citizen_iin, kind, subject) WHERE status <> 'WITHDRAWN';
CREATE INDEX reminder_due ON reminder (due_at) WHERE status = 'PENDING';
