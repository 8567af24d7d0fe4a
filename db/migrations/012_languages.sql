-- The language a staff member reads the UI in (NULL: the browser's), and the language an organisation
-- writes to customers whose contact has none of the supported languages.
ALTER TABLE users ADD COLUMN language TEXT;
ALTER TABLE organisations ADD COLUMN default_language TEXT NOT NULL DEFAULT 'en';
