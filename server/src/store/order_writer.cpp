#include "store/order_writer.hpp"

#include "domain/contact.hpp"
#include "store/json_columns.hpp"

namespace bo::store {

SearchKeys search_keys(const domain::Contact& k) {
  SearchKeys s;
  if (k.email) s.email_lc = domain::to_lower_ascii(*k.email);
  if (k.last_name) s.last_name_lc = domain::to_lower_ascii(*k.last_name);
  if (k.first_name || k.last_name)
    s.full_name_lc = domain::to_lower_ascii(domain::trim(k.first_name.value_or("") + " " + k.last_name.value_or("")));
  return s;
}

CreatedOrder insert_order(Connection& c, const NewOrder& o) {
  int64_t total_price = 0, total_fees = 0;
  for (const auto& t : o.tickets) {
    total_price += t.price;
    total_fees += t.fee;
  }
  auto keys = search_keys(o.contact);
  const auto& k = o.contact;
  CreatedOrder out;
  out.id = c.select("INSERT INTO orders (organisation_id, event_id, number, status, source, external_ref, currency, "
               "ticket_count, total_price, total_fees, payment_method, email, email_lc, first_name, last_name, "
               "last_name_lc, full_name_lc, mobile, company, street, postal_code, city, country, language, "
               "date_of_birth, marketing_opt_in, import_id, created_at, paid_at, cancelled_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "RETURNING id",
               o.organisation_id, o.event_id, o.number, to_string(o.status), o.source, o.external_ref, o.currency,
               static_cast<int64_t>(o.tickets.size()), total_price, total_fees, o.payment_method, k.email,
               keys.email_lc, k.first_name, k.last_name, keys.last_name_lc, keys.full_name_lc, k.mobile, k.company,
               k.street, k.postal_code, k.city, k.country, k.language, k.date_of_birth, k.marketing_opt_in,
               o.import_id, o.created_at, o.paid_at, o.cancelled_at, o.created_at)[0]
               .i64(0);
  for (const auto& t : o.tickets) {
    out.ticket_ids.push_back(
        c.select("INSERT INTO tickets (organisation_id, order_id, ticket_type_id, price, fee, barcode, status, attendee, "
            "checked_in_at, created_at, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            o.organisation_id, out.id, t.ticket_type_id, t.price, t.fee, t.barcode, to_string(t.status),
            attendee_json(t.attendee), t.checked_in_at, o.created_at, o.paid_at)[0]
            .i64(0));
    if (t.status == domain::TicketStatus::valid) c.run("UPDATE ticket_types SET issued = issued + 1 WHERE id = ?", t.ticket_type_id);
  }
  if (o.payment) {
    const auto& p = *o.payment;
    out.payment_id = c.select("INSERT INTO payments (organisation_id, order_id, method, provider, provider_ref, amount, "
                         "currency, status, paid_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                         o.organisation_id, out.id, p.method, p.provider, p.provider_ref, p.amount, o.currency,
                         to_string(p.status), p.paid_at, o.created_at)[0]
                         .i64(0);
  }
  return out;
}

}  // namespace bo::store
