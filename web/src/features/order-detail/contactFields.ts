import type { Contact } from '../../api/types';

export type ContactTextField = Exclude<keyof Contact, 'marketing_opt_in'>;

export const CONTACT_FIELDS: { key: ContactTextField; label: string; type?: string; placeholder?: string }[] = [
  { key: 'email', label: 'E-mail', type: 'email' },
  { key: 'first_name', label: 'First name' },
  { key: 'last_name', label: 'Last name' },
  { key: 'mobile', label: 'Mobile', type: 'tel', placeholder: '+31 6 12345678' },
  { key: 'company', label: 'Company' },
  { key: 'street', label: 'Street' },
  { key: 'postal_code', label: 'Postal code' },
  { key: 'city', label: 'City' },
  { key: 'country', label: 'Country', placeholder: 'NL' },
  { key: 'language', label: 'Language', placeholder: 'en' },
  { key: 'date_of_birth', label: 'Date of birth', type: 'date' },
];
