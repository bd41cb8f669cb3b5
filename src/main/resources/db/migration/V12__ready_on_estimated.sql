-- A ready-on date that falls in (or counts through) a year whose official working-day calendar is
-- not published yet is an estimate by the statutory rule (docs/product.md R4); it is recomputed
-- when the calendar is published.
ALTER TABLE application ADD COLUMN ready_on_estimated BOOLEAN NOT NULL DEFAULT FALSE;

-- A year's calendar is official once the government's list is published (through the admin API,
-- PUT /api/v1/admin/calendar/{year}); until then its rows are the statutory rule's estimate. The
-- 2027 rows of V3 were computed by the statutory rule: no official list existed when they were written.
ALTER TABLE calendar_year ADD COLUMN official BOOLEAN NOT NULL DEFAULT TRUE;
UPDATE calendar_year SET official = FALSE WHERE year = 2027;
