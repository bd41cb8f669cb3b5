-- Public Service Centers are published through the admin API like registration points, and
-- deactivated rather than deleted (redirects made earlier still name them).
ALTER TABLE public_service_center ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
