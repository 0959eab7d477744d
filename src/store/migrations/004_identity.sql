-- The database's own identity: a random id written once, at creation or at
-- this migration. It travels with the file (a moved or renamed file keeps
-- it), so what the window remembers about unsaved input can be kept per
-- database and never shown over another office's data.

INSERT OR IGNORE INTO app_setting(key, value)
VALUES ('identitas', lower(hex(randomblob(16))));
