-- Biometric identification (docs/product.md R6, R7).

-- Each face-match attempt. The selfie is kept only encrypted (AES-256-GCM, key outside the
-- database, key id stored for rotation, the application id as associated data) and erased after
-- the retention time; the outcome and score stay for the record.
CREATE TABLE biometric_attempt (
    id              UUID PRIMARY KEY,
    application_id  UUID NOT NULL REFERENCES application (id),
    attempted_at    TIMESTAMPTZ NOT NULL,
    matcher         VARCHAR(32) NOT NULL,
    decision        VARCHAR(16) NOT NULL CHECK (decision IN ('MATCH', 'NO_MATCH', 'CANNOT_PROCESS')),
    score           NUMERIC(5, 4),
    quality         VARCHAR(16),
    selfie_type     VARCHAR(16),
    selfie_key_id   VARCHAR(32),
    selfie_nonce    BYTEA,
    selfie_sealed   BYTEA,
    erased_at       TIMESTAMPTZ
);
CREATE INDEX biometric_attempt_application_idx ON biometric_attempt (application_id, attempted_at);
CREATE INDEX biometric_attempt_retention_idx ON biometric_attempt (attempted_at) WHERE selfie_sealed IS NOT NULL;

-- The region the document registry has the citizen registered in: where a redirected citizen is sent.
ALTER TABLE sandbox_citizen ADD COLUMN region_code VARCHAR(32) NOT NULL DEFAULT 'ASTANA' REFERENCES region (code);
ALTER TABLE application ADD COLUMN tson_region VARCHAR(32) REFERENCES region (code);
