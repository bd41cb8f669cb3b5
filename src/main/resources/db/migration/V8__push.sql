-- What the sandbox push channel "delivered" to the citizen's eGov Mobile app.
CREATE TABLE sandbox_push (
    id        BIGSERIAL PRIMARY KEY,
    iin       CHAR(12) NOT NULL,
    title     TEXT NOT NULL,
    body      TEXT NOT NULL,
    pushed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sandbox_push_iin_idx ON sandbox_push (iin, id DESC);
