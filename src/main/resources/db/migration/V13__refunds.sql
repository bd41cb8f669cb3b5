-- Money is never kept without a card (docs/product.md R10, Refunds).
-- The application notes when it was paid, and until when an open invoice holds the draft open, so
-- that the draft-expiry job never expires a paid draft or one whose payment may be on its way.
ALTER TABLE application ADD COLUMN paid_at TIMESTAMPTZ;
ALTER TABLE application ADD COLUMN held_until TIMESTAMPTZ;
ALTER TABLE application ADD COLUMN confirmation_reminded_at TIMESTAMPTZ;
UPDATE application a SET paid_at = COALESCE(i.paid_at, a.updated_at)
    FROM invoice i
    WHERE i.application_id = a.id AND i.status = 'PAID' AND a.status = 'DRAFT';
UPDATE application a SET held_until = i.expires_at
    FROM invoice i
    WHERE i.application_id = a.id AND i.status = 'OPEN' AND a.status = 'DRAFT';

-- One refund per payment, whatever asks for it (a cancel, the expiry of an unconfirmed application,
-- money that arrived after the application ended) and however often: payment_id is unique. The
-- table is its own outbox: REQUESTED and SENT refunds are (re)sent to the gateway until it
-- confirms or refuses them.
CREATE TABLE refund (
    id              UUID PRIMARY KEY,
    invoice_id      UUID NOT NULL REFERENCES invoice (id),
    payment_id      VARCHAR(64) NOT NULL UNIQUE,
    amount          NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    currency        VARCHAR(8) NOT NULL,
    reason          VARCHAR(32) NOT NULL,
    status          VARCHAR(16) NOT NULL CHECK (status IN ('REQUESTED', 'SENT', 'CONFIRMED', 'FAILED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      VARCHAR(500),
    requested_at    TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    confirmed_at    TIMESTAMPTZ
);
CREATE INDEX refund_due ON refund (next_attempt_at) WHERE status IN ('REQUESTED', 'SENT');
CREATE INDEX refund_invoice ON refund (invoice_id);
CREATE INDEX application_paid_draft ON application (paid_at) WHERE status = 'DRAFT' AND paid_at IS NOT NULL;
