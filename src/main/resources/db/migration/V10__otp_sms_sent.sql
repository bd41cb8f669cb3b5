-- When the SMS gateway took a login code: a retry of the request (same Idempotency-Key) whose
-- code never went out (a crash between the commit and the gateway, or a gateway failure) gets a
-- fresh code instead of a challenge nobody can answer.
ALTER TABLE otp_challenge ADD COLUMN sms_sent_at TIMESTAMPTZ;
