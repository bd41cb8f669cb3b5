-- What the sandbox bank was asked to refund (GET /api/v1/sandbox/refunds): one row per refund,
-- however often it was asked (the refund id is the gateway's idempotency key).
CREATE TABLE sandbox_refund (
    refund_id      UUID PRIMARY KEY,
    invoice_number VARCHAR(32) NOT NULL,
    payment_id     VARCHAR(64) NOT NULL,
    amount         NUMERIC(14, 2) NOT NULL,
    currency       VARCHAR(8) NOT NULL,
    reason         VARCHAR(32) NOT NULL,
    requested_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX sandbox_refund_invoice ON sandbox_refund (invoice_number);
