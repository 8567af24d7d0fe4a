-- The whole domain. Portable SQL; {{PK}}, {{CTEXT}} and {{BLOB}} are filled in per database
-- (SQLite: INTEGER PRIMARY KEY / TEXT / BLOB; PostgreSQL: identity BIGINT / TEXT COLLATE "C" / BYTEA).
-- Money: integer minor units. Times: integer seconds since the Unix epoch, UTC. Booleans: 0/1.
-- JSON values are stored as TEXT.

CREATE TABLE organisations (
  id {{PK}},
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  currency TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT 'NL',
  sender_name TEXT NOT NULL DEFAULT '',
  sender_email TEXT NOT NULL,
  refund_methods TEXT NOT NULL DEFAULT '["card","ideal","bancontact","paypal","bank_transfer","invoice","free"]',
  partial_refunds INTEGER NOT NULL DEFAULT 1,
  refund_fees INTEGER NOT NULL DEFAULT 0,
  refund_deadline_days INTEGER NOT NULL DEFAULT 30,
  email_templates TEXT NOT NULL DEFAULT '{}',
  created_at BIGINT NOT NULL
);

CREATE TABLE users (
  id {{PK}},
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

CREATE TABLE memberships (
  user_id BIGINT NOT NULL REFERENCES users(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, organisation_id)
);

CREATE TABLE sessions (
  id {{PK}},
  token_hash TEXT NOT NULL UNIQUE,
  csrf_token TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed log-ins, for throttling password guessing (per e-mail address and per client address).
CREATE TABLE login_failures (
  id {{PK}},
  email TEXT NOT NULL,
  client TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, at);
CREATE INDEX login_failures_client ON login_failures (client, at);

CREATE TABLE api_tokens (
  id {{PK}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);
CREATE INDEX api_tokens_org ON api_tokens (organisation_id);

CREATE TABLE events (
  id {{PK}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  venue TEXT NOT NULL DEFAULT '',
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX events_org ON events (organisation_id, starts_at);

-- personalisation_fields: JSON array of {key, label, kind, required, options}.
-- issued: tickets of this type that hold capacity (valid ones); kept in step in the same transactions.
CREATE TABLE ticket_types (
  id {{PK}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  event_id BIGINT NOT NULL REFERENCES events(id),
  name TEXT NOT NULL,
  price BIGINT NOT NULL,
  fee BIGINT NOT NULL DEFAULT 0,
  capacity BIGINT NOT NULL,
  issued BIGINT NOT NULL DEFAULT 0,
  personalisation_fields TEXT NOT NULL DEFAULT '[]',
  position INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX ticket_types_event ON ticket_types (event_id, position);

-- The contact (buyer) lives on the order: one per order, edited in place with history.
-- *_lc columns are lower-cased copies for indexed prefix search.
CREATE TABLE orders (
  id {{PK}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  event_id BIGINT NOT NULL REFERENCES events(id),
  number TEXT NOT NULL,
  status TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  source TEXT NOT NULL,
  external_ref TEXT,
  currency TEXT NOT NULL,
  ticket_count INTEGER NOT NULL DEFAULT 0,
  total_price BIGINT NOT NULL DEFAULT 0,
  total_fees BIGINT NOT NULL DEFAULT 0,
  payment_method TEXT NOT NULL,
  email TEXT,
  email_lc {{CTEXT}},
  first_name TEXT,
  last_name TEXT,
  last_name_lc {{CTEXT}},
  full_name_lc {{CTEXT}},
  mobile {{CTEXT}},
  company TEXT,
  street TEXT,
  postal_code TEXT,
  city TEXT,
  country TEXT,
  language TEXT,
  date_of_birth TEXT,
  marketing_opt_in INTEGER NOT NULL DEFAULT 0,
  import_id BIGINT,
  created_at BIGINT NOT NULL,
  paid_at BIGINT,
  cancelled_at BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX orders_number ON orders (number);
CREATE UNIQUE INDEX orders_external_ref ON orders (organisation_id, external_ref);
CREATE INDEX orders_created ON orders (organisation_id, created_at, id);
CREATE INDEX orders_status ON orders (organisation_id, status, created_at, id);
CREATE INDEX orders_event ON orders (organisation_id, event_id, created_at, id);
CREATE INDEX orders_method ON orders (organisation_id, payment_method, created_at, id);
CREATE INDEX orders_email ON orders (organisation_id, email_lc);
CREATE INDEX orders_last_name ON orders (organisation_id, last_name_lc);
CREATE INDEX orders_full_name ON orders (organisation_id, full_name_lc);
CREATE INDEX orders_mobile ON orders (organisation_id, mobile);

-- attendee: JSON object of personalisation values.
CREATE TABLE tickets (
  id {{PK}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  order_id BIGINT NOT NULL REFERENCES orders(id),
  ticket_type_id BIGINT NOT NULL REFERENCES ticket_types(id),
  price BIGINT NOT NULL,
  fee BIGINT NOT NULL,
  barcode {{CTEXT}} NOT NULL,
  status TEXT NOT NULL,
  attendee TEXT NOT NULL DEFAULT '{}',
  checked_in_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX tickets_barcode ON tickets (barcode);
CREATE INDEX tickets_order ON tickets (order_id);

CREATE TABLE payments (
  id {{PK}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  order_id BIGINT NOT NULL REFERENCES orders(id),
  method TEXT NOT NULL,
  provider TEXT NOT NULL,
  provider_ref TEXT,
  amount BIGINT NOT NULL,
  currency TEXT NOT NULL,
  status TEXT NOT NULL,
  paid_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX payments_order ON payments (order_id);
CREATE INDEX payments_paid ON payments (organisation_id, paid_at);
CREATE INDEX payments_provider_ref ON payments (provider, provider_ref);

-- ticket_ids: JSON array. A refund row is written 'pending' before the provider is called;
-- provider_state tracks that call: 'to_submit' → 'submitted' (the outcome then comes by webhook or by
-- polling the provider); next_attempt_at is when the refund worker looks at it again.
-- provider_key: the idempotency key sent to the provider, fixed before the first call.
-- cancels_order: this refund was asked for by Cancel; the cancellation completes once it is started.
CREATE TABLE refunds (
  id {{PK}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  order_id BIGINT NOT NULL REFERENCES orders(id),
  payment_id BIGINT REFERENCES payments(id),
  amount BIGINT NOT NULL,
  currency TEXT NOT NULL,
  ticket_ids TEXT NOT NULL DEFAULT '[]',
  keep_tickets_valid INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL DEFAULT '',
  method TEXT NOT NULL,
  provider TEXT NOT NULL,
  status TEXT NOT NULL,
  provider_ref TEXT,
  provider_state TEXT NOT NULL DEFAULT 'to_submit',
  provider_attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT,
  error TEXT,
  idempotency_key TEXT,
  request_hash TEXT,
  provider_key TEXT NOT NULL,
  cancels_order INTEGER NOT NULL DEFAULT 0,
  notify_customer INTEGER NOT NULL DEFAULT 1,
  created_by_kind TEXT NOT NULL,
  created_by_id BIGINT,
  created_by_name TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  completed_at BIGINT
);
CREATE INDEX refunds_order ON refunds (order_id);
CREATE UNIQUE INDEX refunds_idempotency ON refunds (organisation_id, idempotency_key);
CREATE INDEX refunds_due ON refunds (status, next_attempt_at);
CREATE INDEX refunds_completed ON refunds (organisation_id, completed_at);
CREATE INDEX refunds_provider_ref ON refunds (provider, provider_ref);

-- Append-only. actor_kind: user, token, customer, system. data: JSON.
CREATE TABLE history (
  id {{PK}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  order_id BIGINT NOT NULL REFERENCES orders(id),
  type TEXT NOT NULL,
  at BIGINT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id BIGINT,
  actor_name TEXT NOT NULL DEFAULT '',
  data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX history_order ON history (order_id, id);
CREATE INDEX history_type ON history (order_id, type, at);

-- The outbox. attachments: JSON describing what to render at delivery, e.g. {"tickets_pdf":[ids]}.
CREATE TABLE emails (
  id {{PK}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  order_id BIGINT REFERENCES orders(id),
  kind TEXT NOT NULL,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  body_html TEXT NOT NULL,
  attachments TEXT NOT NULL DEFAULT '{}',
  message_id TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  next_attempt_at BIGINT NOT NULL,
  locked_until BIGINT,
  created_at BIGINT NOT NULL,
  sent_at BIGINT
);
CREATE INDEX emails_due ON emails (status, next_attempt_at);
CREATE INDEX emails_order ON emails (order_id, id);

CREATE TABLE personalisation_links (
  id {{PK}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  order_id BIGINT NOT NULL REFERENCES orders(id),
  token_hash TEXT NOT NULL UNIQUE,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE imports (
  id {{PK}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  created_by_kind TEXT NOT NULL,
  created_by_id BIGINT,
  created_by_name TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL DEFAULT '',
  size BIGINT NOT NULL DEFAULT 0,
  content {{BLOB}},
  status TEXT NOT NULL,
  send_emails INTEGER NOT NULL DEFAULT 0,
  progress_done BIGINT NOT NULL DEFAULT 0,
  progress_total BIGINT NOT NULL DEFAULT 0,
  summary TEXT NOT NULL DEFAULT '{}',
  errors TEXT NOT NULL DEFAULT '[]',
  error_count BIGINT NOT NULL DEFAULT 0,
  locked_until BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX imports_org ON imports (organisation_id, id);

-- Changes to organisation setup (events, ticket types, settings, users, tokens).
CREATE TABLE audit_log (
  id {{PK}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  at BIGINT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id BIGINT,
  actor_name TEXT NOT NULL DEFAULT '',
  entity TEXT NOT NULL,
  entity_id BIGINT,
  action TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_org ON audit_log (organisation_id, id);
