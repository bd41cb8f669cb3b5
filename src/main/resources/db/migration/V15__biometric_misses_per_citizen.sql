-- Face-match misses count per citizen across applications (docs/product.md R6): a new application
-- does not bring three new attempts. The attempt keeps whose face was tried.
ALTER TABLE biometric_attempt ADD COLUMN applicant_iin VARCHAR(12);
UPDATE biometric_attempt b SET applicant_iin = a.applicant_iin FROM application a WHERE a.id = b.application_id;
CREATE INDEX biometric_attempt_citizen_misses ON biometric_attempt (applicant_iin, attempted_at) WHERE decision = 'NO_MATCH';
