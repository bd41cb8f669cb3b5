-- Foundation: audit log, Digital ID login, devices, service keys, sandbox registries.

-- Append-only audit of every security-relevant event. No codes, tokens or images here.
CREATE TABLE audit_event (
    id          BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL,
    event_type  VARCHAR(64) NOT NULL,
    actor       VARCHAR(64),
    subject     VARCHAR(128),
    outcome     VARCHAR(32) NOT NULL,
    client_ip   VARCHAR(64),
    user_agent  VARCHAR(512),
    request_id  VARCHAR(64),
    details     TEXT
);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, occurred_at);
CREATE INDEX audit_event_type_idx ON audit_event (event_type, occurred_at);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- One row per OTP request, refused ones included, so hourly limits count every try.
CREATE TABLE otp_challenge (
    id                  UUID PRIMARY KEY,
    iin                 CHAR(12) NOT NULL,
    phone               VARCHAR(16) NOT NULL,
    status              VARCHAR(16) NOT NULL,
    code_hash           BYTEA,
    failed_attempts     INTEGER NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL,
    expires_at          TIMESTAMPTZ NOT NULL,
    resend_available_at TIMESTAMPTZ NOT NULL,
    verified_at         TIMESTAMPTZ,
    version             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX otp_challenge_phone_idx ON otp_challenge (phone, created_at);
CREATE INDEX otp_challenge_iin_idx ON otp_challenge (iin, created_at);

-- A login session is a refresh-token family; reuse of a spent token revokes the whole family.
CREATE TABLE auth_session (
    id            UUID PRIMARY KEY,
    iin           CHAR(12) NOT NULL,
    phone         VARCHAR(16) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ,
    revoke_reason VARCHAR(32)
);
CREATE INDEX auth_session_iin_idx ON auth_session (iin);

CREATE TABLE refresh_token (
    id          UUID PRIMARY KEY,
    session_id  UUID NOT NULL REFERENCES auth_session (id),
    token_hash  BYTEA NOT NULL UNIQUE,
    status      VARCHAR(16) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX refresh_token_session_idx ON refresh_token (session_id);

-- Phones' biometric-protected keys (Face ID / Touch ID), EC P-256 SPKI.
CREATE TABLE device (
    id          UUID PRIMARY KEY,
    owner_iin   CHAR(12) NOT NULL,
    platform    VARCHAR(16) NOT NULL,
    name        VARCHAR(64) NOT NULL,
    public_key  BYTEA NOT NULL,
    fingerprint CHAR(64) NOT NULL,
    enrolled_at TIMESTAMPTZ NOT NULL,
    removed_at  TIMESTAMPTZ
);
CREATE INDEX device_owner_idx ON device (owner_iin);
CREATE UNIQUE INDEX device_active_key_idx ON device (owner_iin, fingerprint) WHERE removed_at IS NULL;

-- Keys and secrets the sandbox makes for itself at first start (never used in production).
CREATE TABLE sandbox_secret (
    name       VARCHAR(64) PRIMARY KEY,
    value      BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Sandbox stand-ins for the mobile citizens database and the ID document registry.
CREATE TABLE sandbox_citizen (
    iin                      CHAR(12) PRIMARY KEY,
    phone                    VARCHAR(16) NOT NULL UNIQUE,
    last_name                VARCHAR(100) NOT NULL,
    first_name               VARCHAR(100) NOT NULL,
    middle_name              VARCHAR(100),
    birth_date               DATE NOT NULL,
    card_number              VARCHAR(16) NOT NULL UNIQUE,
    card_issued_on           DATE,
    card_expires_on          DATE,
    card_expires_in_days     INTEGER,
    photo                    BYTEA NOT NULL,
    photo_content_type       VARCHAR(32) NOT NULL,
    persona                  VARCHAR(32),
    persona_order            INTEGER,
    purpose                  TEXT,
    created_at               TIMESTAMPTZ NOT NULL,
    CHECK (card_expires_on IS NOT NULL OR card_expires_in_days IS NOT NULL)
);

-- What the sandbox SMS gateway "sent".
CREATE TABLE sandbox_sms (
    id      BIGSERIAL PRIMARY KEY,
    phone   VARCHAR(16) NOT NULL,
    text    TEXT NOT NULL,
    sent_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sandbox_sms_phone_idx ON sandbox_sms (phone, id DESC);
