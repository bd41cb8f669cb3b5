-- Signing (docs/product.md R9), payment (R10), submission and notifications.

ALTER TABLE application ADD COLUMN language VARCHAR(2) NOT NULL DEFAULT 'ru';

-- A challenge to sign: the digest of the application's canonical content and a fresh nonce.
-- Single use; a newer challenge replaces the open one.
CREATE TABLE signing_challenge (
    id             UUID PRIMARY KEY,
    application_id UUID NOT NULL REFERENCES application (id),
    step           VARCHAR(16) NOT NULL,
    digest         CHAR(64) NOT NULL,
    challenge      TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    used_at        TIMESTAMPTZ,
    replaced_at    TIMESTAMPTZ
);
CREATE INDEX signing_challenge_application_idx ON signing_challenge (application_id, created_at DESC);

-- Accepted signatures; a change of the questionnaire afterwards makes them void (valid = false).
CREATE TABLE application_signature (
    id             UUID PRIMARY KEY,
    application_id UUID NOT NULL REFERENCES application (id),
    step           VARCHAR(16) NOT NULL,
    method         VARCHAR(8) NOT NULL,
    challenge_id   UUID NOT NULL REFERENCES signing_challenge (id),
    digest         CHAR(64) NOT NULL,
    device_id      UUID REFERENCES device (id),
    signature      BYTEA NOT NULL,
    signed_at      TIMESTAMPTZ NOT NULL,
    valid          BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX application_signature_application_idx ON application_signature (application_id);

-- Invoices for the state fee; at most one open per application.
CREATE TABLE invoice (
    id             UUID PRIMARY KEY,
    number         VARCHAR(32) NOT NULL UNIQUE,
    application_id UUID NOT NULL REFERENCES application (id),
    tier           VARCHAR(16) NOT NULL,
    amount         NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    currency       CHAR(3) NOT NULL,
    basis          TEXT NOT NULL,
    status         VARCHAR(16) NOT NULL CHECK (status IN ('OPEN', 'PAID', 'EXPIRED')),
    pay_url        TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    paid_at        TIMESTAMPTZ,
    payment_id     VARCHAR(64)
);
CREATE UNIQUE INDEX invoice_one_open_idx ON invoice (application_id) WHERE status = 'OPEN';

-- Every payment notice as received, whatever became of it.
CREATE TABLE payment_notice (
    id               BIGSERIAL PRIMARY KEY,
    received_at      TIMESTAMPTZ NOT NULL,
    raw_body         TEXT NOT NULL,
    timestamp_header VARCHAR(32),
    signature_header VARCHAR(128),
    payment_id       VARCHAR(64),
    invoice_number   VARCHAR(32),
    amount           NUMERIC(14, 2),
    currency         VARCHAR(8),
    outcome          VARCHAR(24) NOT NULL
);
CREATE INDEX payment_notice_payment_idx ON payment_notice (payment_id);
-- A payment takes effect once: as applied, or as held for refund review.
CREATE UNIQUE INDEX payment_notice_effect_idx ON payment_notice (payment_id) WHERE outcome IN ('APPLIED', 'REFUND_REVIEW');

-- Notifications to citizens, written in the same transaction as the change they announce and
-- delivered by the dispatcher with retries; dedupe_key makes each one go out once.
CREATE TABLE notification_outbox (
    id              UUID PRIMARY KEY,
    dedupe_key      VARCHAR(160) NOT NULL UNIQUE,
    channel         VARCHAR(8) NOT NULL,
    recipient       VARCHAR(64) NOT NULL,
    template        VARCHAR(64) NOT NULL,
    params          TEXT NOT NULL,
    language        VARCHAR(2) NOT NULL,
    status          VARCHAR(8) NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at) WHERE status = 'PENDING';
