-- Status-read data: applications of made-up citizens (IINs 00…, which the citizens of the sandbox never have), each with
-- its history, up to :n in all. Run again with a larger :n to grow the table; rows already there stay.
-- psql -v n=1000000 -f bench/seed-applications.sql
\set ON_ERROR_STOP on
SELECT coalesce(max(substr(applicant_iin, 3)::int), 0) AS have FROM application WHERE applicant_iin LIKE '00%' \gset
INSERT INTO application (id, applicant_iin, channel, status, completed_steps, card_number, card_expires_on,
        personal_data_confirmed, contact_phone, pickup_point_id, tier, created_at, updated_at, submitted_at, ready_on,
        language, version)
SELECT md5('bench-application-' || i)::uuid,
       '00' || lpad(i::text, 10, '0'),
       CASE WHEN i % 3 = 0 THEN 'WEB' ELSE 'MOBILE' END,
       CASE i % 10 WHEN 0 THEN 'DRAFT' WHEN 1 THEN 'ISSUED' WHEN 2 THEN 'READY_FOR_PICKUP' WHEN 3 THEN 'IN_PRODUCTION'
                   ELSE 'SUBMITTED' END,
       CASE WHEN i % 10 = 0 THEN 'BIOMETRICS'
            WHEN i % 3 = 0 THEN 'BIOMETRICS,QUESTIONNAIRE,SIGNATURE,PAYMENT'
            ELSE 'BIOMETRICS,QUESTIONNAIRE,PAYMENT,CONFIRMATION' END,
       lpad((i % 1000000000)::text, 9, '0'),
       date '2026-12-01' + (i % 40),
       i % 10 <> 0, '+7701' || lpad((i % 10000000)::text, 7, '0'),
       CASE WHEN i % 10 = 0 THEN NULL ELSE 'SHY-01' END,
       CASE WHEN i % 10 = 0 THEN NULL ELSE 'URGENT' END,
       now() - interval '2 days',
       -- Drafts touched an hour ago, so that the draft-expiry job leaves them alone during the run.
       CASE WHEN i % 10 = 0 THEN now() - interval '1 hour' ELSE now() - interval '1 day' END,
       CASE WHEN i % 10 = 0 THEN NULL ELSE now() - interval '1 day' END,
       CASE WHEN i % 10 = 0 THEN NULL ELSE current_date + 1 END,
       'ru', 3
FROM generate_series(:have + 1, :n) AS i;
-- History: created, biometrics done, submitted (three transitions each; drafts have two).
INSERT INTO application_event (application_id, occurred_at, actor, from_status, to_status, step, reason)
SELECT md5('bench-application-' || i)::uuid, now() - interval '2 days' + e * interval '1 hour', 'citizen:bench',
       CASE WHEN e = 0 THEN NULL ELSE 'DRAFT' END,
       CASE WHEN e = 2 THEN 'SUBMITTED' ELSE 'DRAFT' END,
       CASE e WHEN 1 THEN 'BIOMETRICS' ELSE NULL END, NULL
FROM generate_series(:have + 1, :n) AS i, generate_series(0, 2) AS e
WHERE NOT (i % 10 = 0 AND e = 2);
ANALYZE application;
ANALYZE application_event;
SELECT count(*) AS applications FROM application;
