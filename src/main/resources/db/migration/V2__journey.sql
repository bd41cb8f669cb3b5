-- The application journey: reference data (regions, registration points, Public Service Centers),
-- the fee schedule, the working-day calendar, applications with their history, idempotency keys.

CREATE TABLE region (
    code    VARCHAR(32) PRIMARY KEY,
    name_kk VARCHAR(100) NOT NULL,
    name_ru VARCHAR(100) NOT NULL,
    name_en VARCHAR(100) NOT NULL
);

-- Where a card is handed over. hours is a JSON array of {"days": "MON-FRI", "opens": "09:00", "closes": "18:00"}.
-- tiers lists the processing tiers the point offers (expedited ones only where the city has them).
CREATE TABLE registration_point (
    id          VARCHAR(32) PRIMARY KEY,
    region_code VARCHAR(32) NOT NULL REFERENCES region (code),
    city_kk     VARCHAR(100) NOT NULL,
    city_ru     VARCHAR(100) NOT NULL,
    city_en     VARCHAR(100) NOT NULL,
    name_kk     VARCHAR(200) NOT NULL,
    name_ru     VARCHAR(200) NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    address_kk  VARCHAR(300) NOT NULL,
    address_ru  VARCHAR(300) NOT NULL,
    address_en  VARCHAR(300) NOT NULL,
    hours       TEXT NOT NULL,
    tiers       VARCHAR(64) NOT NULL,
    active      BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX registration_point_region_idx ON registration_point (region_code) WHERE active;

-- Public Service Centers (ЦОН): where a citizen is sent when the online route cannot serve them.
CREATE TABLE public_service_center (
    id          VARCHAR(32) PRIMARY KEY,
    region_code VARCHAR(32) NOT NULL REFERENCES region (code),
    city_kk     VARCHAR(100) NOT NULL,
    city_ru     VARCHAR(100) NOT NULL,
    city_en     VARCHAR(100) NOT NULL,
    name_kk     VARCHAR(200) NOT NULL,
    name_ru     VARCHAR(200) NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    address_kk  VARCHAR(300) NOT NULL,
    address_ru  VARCHAR(300) NOT NULL,
    address_en  VARCHAR(300) NOT NULL,
    hours       TEXT NOT NULL,
    phone       VARCHAR(32)
);
CREATE INDEX public_service_center_region_idx ON public_service_center (region_code);

-- Fee schedule (docs/product.md R3): a tier costs either a fixed amount or a share of the year's MRP.
CREATE TABLE fee_tier (
    tier         VARCHAR(16) PRIMARY KEY,
    working_days INTEGER NOT NULL CHECK (working_days > 0),
    mrp_share    NUMERIC(6, 4),
    fixed_amount NUMERIC(12, 2),
    CHECK ((mrp_share IS NULL) <> (fixed_amount IS NULL))
);

-- The monthly calculation index (МРП) set each year by the budget law, in KZT.
CREATE TABLE mrp (
    year   INTEGER PRIMARY KEY,
    amount NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    basis  TEXT NOT NULL
);

-- Working-day calendar as data (docs/product.md R4). A year listed in calendar_year is exactly its weekends
-- and the days below; a year not listed follows the statutory rule (see WorkingDayCalendar).
--   HOLIDAY      a public holiday (not worked)
--   DAY_OFF      a weekday not worked: a holiday moved off a weekend, or a decree transfer
--   WORKING_DAY  a Saturday or Sunday worked by decree
CREATE TABLE calendar_year (
    year   INTEGER PRIMARY KEY,
    source TEXT NOT NULL
);
CREATE TABLE calendar_day (
    day  DATE PRIMARY KEY,
    kind VARCHAR(16) NOT NULL CHECK (kind IN ('HOLIDAY', 'DAY_OFF', 'WORKING_DAY')),
    name TEXT NOT NULL
);
-- The statutory holidays by law, for years without a published list. A secular one that falls on a
-- weekend moves to the next working day; a religious one does not. valid_from / valid_to bound the
-- years a holiday applies to (the law has changed before: Constitution Day moved from 30 August to
-- 15 March with the Constitution of 2026).
CREATE TABLE statutory_holiday (
    month_day  CHAR(5) NOT NULL CHECK (month_day ~ '^[01][0-9]-[0-3][0-9]$'),
    name       TEXT NOT NULL,
    religious  BOOLEAN NOT NULL,
    valid_from INTEGER NOT NULL,
    valid_to   INTEGER,
    PRIMARY KEY (month_day, valid_from)
);
INSERT INTO statutory_holiday (month_day, name, religious, valid_from, valid_to) VALUES
    ('01-01', 'New Year', FALSE, 2000, NULL),
    ('01-02', 'New Year', FALSE, 2000, NULL),
    ('01-07', 'Orthodox Christmas', TRUE, 2000, NULL),
    ('03-08', 'International Women''s Day', FALSE, 2000, NULL),
    ('03-15', 'Constitution Day', FALSE, 2027, NULL),
    ('03-21', 'Nauryz', FALSE, 2000, NULL),
    ('03-22', 'Nauryz', FALSE, 2000, NULL),
    ('03-23', 'Nauryz', FALSE, 2000, NULL),
    ('05-01', 'Kazakhstan People''s Unity Day', FALSE, 2000, NULL),
    ('05-07', 'Defender of the Fatherland Day', FALSE, 2000, NULL),
    ('05-09', 'Victory Day', FALSE, 2000, NULL),
    ('07-06', 'Capital Day', FALSE, 2000, NULL),
    ('08-30', 'Constitution Day', FALSE, 2000, 2025),
    ('10-25', 'Republic Day', FALSE, 2000, NULL),
    ('12-16', 'Independence Day', FALSE, 2000, NULL);

-- Religious holidays whose date moves every year (Kurban Ait day 1), for years without a published list.
CREATE TABLE movable_holiday (
    day  DATE PRIMARY KEY,
    name TEXT NOT NULL
);

-- docs/product.md R3. STANDARD is a state duty of 0.2 MRP; the expedited tiers are fixed service fees.
INSERT INTO fee_tier (tier, working_days, mrp_share, fixed_amount) VALUES
    ('STANDARD', 15, 0.2, NULL),
    ('EXPEDITED', 3, NULL, 1771.00),
    ('URGENT', 1, NULL, 3372.00);

INSERT INTO mrp (year, amount, basis) VALUES
    (2025, 3932.00, 'Law of the Republic of Kazakhstan "On the republican budget for 2025-2027"'),
    (2026, 4325.00, 'Law of the Republic of Kazakhstan "On the republican budget for 2026-2028"');

-- Applications (docs/product.md, States). completed_steps is a comma list in the channel's order.
CREATE TABLE application (
    id                      UUID PRIMARY KEY,
    applicant_iin           CHAR(12) NOT NULL,
    channel                 VARCHAR(8) NOT NULL,
    status                  VARCHAR(24) NOT NULL,
    completed_steps         VARCHAR(128) NOT NULL DEFAULT '',
    card_number             VARCHAR(16),
    card_expires_on         DATE,
    personal_data_confirmed BOOLEAN NOT NULL DEFAULT FALSE,
    contact_phone           VARCHAR(16),
    email                   VARCHAR(254),
    address                 VARCHAR(300),
    pickup_point_id         VARCHAR(32) REFERENCES registration_point (id),
    tier                    VARCHAR(16) REFERENCES fee_tier (tier),
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    submitted_at            TIMESTAMPTZ,
    ready_on                DATE,
    status_reason           TEXT,
    version                 INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX application_applicant_idx ON application (applicant_iin, created_at DESC);
CREATE INDEX application_draft_idx ON application (updated_at) WHERE status = 'DRAFT';
-- docs/product.md R8: one active application per citizen, also when two requests race.
CREATE UNIQUE INDEX application_one_active_idx ON application (applicant_iin)
    WHERE status IN ('DRAFT', 'SUBMITTED', 'IN_PRODUCTION', 'READY_FOR_PICKUP');

-- Every transition of an application: status changes and completed steps.
CREATE TABLE application_event (
    id             BIGSERIAL PRIMARY KEY,
    application_id UUID NOT NULL REFERENCES application (id),
    occurred_at    TIMESTAMPTZ NOT NULL,
    actor          VARCHAR(64) NOT NULL,
    from_status    VARCHAR(24),
    to_status      VARCHAR(24) NOT NULL,
    step           VARCHAR(16),
    reason         TEXT
);
CREATE INDEX application_event_application_idx ON application_event (application_id, id);

-- Creating POSTs accept Idempotency-Key: the first answer is kept and a retry gets it again.
CREATE TABLE idempotency_key (
    owner        VARCHAR(64) NOT NULL,
    scope        VARCHAR(64) NOT NULL,
    idem_key     VARCHAR(128) NOT NULL,
    request_hash CHAR(64) NOT NULL,
    status       INTEGER NOT NULL,
    body         TEXT NOT NULL,
    location     VARCHAR(300),
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (owner, scope, idem_key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
