import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { meQueryKey } from './session';
import type { PaymentMethod } from './types';

export type EmailKind = 'tickets' | 'cancellation' | 'refund' | 'personalisation_link' | 'order_changed';

export interface EmailTemplate {
  subject: string;
  text: string;
  customised: boolean;
  placeholders: string[];
}

/** A language code the server writes customer e-mails in ("en", "nl"). */
export type CustomerLanguage = string;

/** One language's e-mail texts. */
export type EmailTemplates = Record<EmailKind, EmailTemplate>;

export interface Organisation {
  slug: string;
  name: string;
  currency: string;
  currency_locked: boolean;
  time_zone: string;
  country: string | null;
  sender_name: string | null;
  sender_email: string | null;
  refund_methods: PaymentMethod[];
  partial_refunds: boolean;
  refund_fees: boolean;
  refund_deadline_days: number;
  /** Customers whose contact has no language of `languages` get this one. */
  default_language: CustomerLanguage;
  /** The languages customer e-mails can be written in. */
  languages: CustomerLanguage[];
  email_templates: Record<CustomerLanguage, EmailTemplates>;
}

export type OrganisationChanges = Partial<
  Omit<Organisation, 'slug' | 'currency_locked' | 'languages' | 'email_templates'> & {
    /** Per language; `null` returns that language's text to its default. */
    email_templates: Record<CustomerLanguage, Partial<Record<EmailKind, { subject?: string; text?: string } | null>>>;
  }
>;

export const organisationKey = ['organisation'] as const;

export function useOrganisationQuery() {
  return useQuery({
    queryKey: organisationKey,
    queryFn: ({ signal }) => api<Organisation>('GET', '/api/v1/organisation', { signal }),
  });
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: OrganisationChanges) =>
      api<Organisation>('PATCH', '/api/v1/organisation', { body: changes }),
    onSuccess: (data) => {
      queryClient.setQueryData(organisationKey, data);
      // Name, currency and time zone also live in the session.
      queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export interface EmailPreview {
  kind: EmailKind;
  language: CustomerLanguage;
  subject: string;
  text: string;
}

/** The e-mail as a sample customer who reads `language` would get it. */
export function previewEmail(
  kind: EmailKind,
  language: CustomerLanguage,
  subject: string,
  text: string,
  signal?: AbortSignal,
) {
  return api<EmailPreview>('POST', '/api/v1/organisation/email-preview', {
    body: { kind, subject, text, language },
    signal,
  });
}
