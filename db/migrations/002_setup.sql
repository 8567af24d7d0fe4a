-- Organisation setup: members of an organisation, tickets of a ticket type, audit log per entity.
CREATE INDEX memberships_org ON memberships (organisation_id);
CREATE INDEX tickets_type ON tickets (ticket_type_id);
CREATE INDEX audit_log_entity ON audit_log (organisation_id, entity, entity_id, id);
