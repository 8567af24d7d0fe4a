import type { Contact } from '../../api/types';

export type ContactTextField = Exclude<keyof Contact, 'marketing_opt_in'>;

/** The contact's text fields; each is named by `labels.contactField.<key>`. */
export const CONTACT_FIELDS: { key: ContactTextField; type?: string; placeholder?: string }[] = [
  { key: 'email', type: 'email' },
  { key: 'first_name' },
  { key: 'last_name' },
  { key: 'mobile', type: 'tel', placeholder: '+31 6 12345678' },
  { key: 'company' },
  { key: 'street' },
  { key: 'postal_code' },
  { key: 'city' },
  { key: 'country', placeholder: 'NL' }, // i18n-ignore: a country code
  { key: 'language', placeholder: 'en' }, // i18n-ignore: a language code
  { key: 'date_of_birth', type: 'date' },
];
