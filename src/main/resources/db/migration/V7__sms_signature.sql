-- SMS signing (web): a one-time code bound to a signing challenge, kept only as a keyed hash.
ALTER TABLE signing_challenge ADD COLUMN sms_code_hash BYTEA;
ALTER TABLE signing_challenge ADD COLUMN sms_sent_at TIMESTAMPTZ;
ALTER TABLE signing_challenge ADD COLUMN sms_failed_attempts INTEGER NOT NULL DEFAULT 0;
