-- A payment notice is kept exactly as received: its body as bytes, whatever they are (a text
-- column refused NUL and invalid UTF-8, so such a notice could not be stored and was lost).
ALTER TABLE payment_notice ALTER COLUMN raw_body TYPE BYTEA USING convert_to(raw_body, 'UTF8');
