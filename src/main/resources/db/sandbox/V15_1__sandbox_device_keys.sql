-- The private keys of test phones the sandbox enrolled for integrators (POST /api/v1/sandbox/devices),
-- so that it can sign challenges as those phones would. Test keys only: this table exists only in the sandbox.
CREATE TABLE sandbox_device_key (
    device_id   UUID PRIMARY KEY,
    owner_iin   VARCHAR(12) NOT NULL,
    private_key BYTEA NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
