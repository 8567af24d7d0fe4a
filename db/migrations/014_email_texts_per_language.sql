-- An organisation's own e-mail texts are kept per language: {"en": {kind: {subject, text}}, "nl": {…}}.
-- The texts kept so far were written against the English defaults.
UPDATE organisations SET email_templates = '{"en":' || email_templates || '}' WHERE email_templates <> '{}';
