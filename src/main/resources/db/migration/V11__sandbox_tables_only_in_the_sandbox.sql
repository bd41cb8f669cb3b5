-- The sandbox's tables were made in every environment by V1, V5 and V8. Since this version they
-- belong to db/sandbox, which only the sandbox, dev and test profiles apply
-- (idcard.database.optional-migrations, common/db/OptionalMigrations). Outside the sandbox they never
-- held anything and are dropped; in the sandbox they stay, with the citizens and keys they hold.
DO $$
BEGIN
    IF position('db/sandbox/' IN '${optional_migrations}') = 0 THEN
        DROP TABLE IF EXISTS sandbox_push, sandbox_sms, sandbox_citizen, sandbox_secret;
    END IF;
END
$$;
