import { Checkbox, NumberInput, Select, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import type { Organisation } from '../../../api/organisation';
import type { PaymentMethod } from '../../../api/types';
import { PAYMENT_METHODS, paymentMethodLabel } from '../../../lib/format';
import { SettingsSection } from './SettingsSection';
import { useSettingsForm } from './useSettingsForm';
import { countryOptions, currencyOptions, timeZoneOptions } from './choices';

export function GeneralSection({ organisation }: { organisation: Organisation }) {
  const form = useSettingsForm(
    organisation,
    (org) => ({ name: org.name, currency: org.currency, time_zone: org.time_zone, country: org.country ?? '' }),
    'General settings',
  );
  const { values, set, errors } = form;
  return (
    <SettingsSection
      title="General"
      description="The name your staff and customers see, and how money and times are shown."
      onSubmit={form.save}
      onReset={form.reset}
      dirty={form.dirty}
      saving={form.saving}
      problem={form.problem}
    >
      <TextInput label="Name" required value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label="Currency"
          searchable
          data={currencyOptions(organisation.currency)}
          value={values.currency}
          onChange={(value) => value && set('currency', value)}
          allowDeselect={false}
          disabled={organisation.currency_locked}
          description={
            organisation.currency_locked
              ? 'Locked: the organisation already has orders in this currency.'
              : 'Can change until the first order.'
          }
          error={errors.currency}
        />
        <Select
          label="Time zone"
          searchable
          data={timeZoneOptions(organisation.time_zone)}
          value={values.time_zone}
          onChange={(value) => value && set('time_zone', value)}
          allowDeselect={false}
          description="Dates and reports use this zone."
          error={errors.time_zone}
        />
      </SimpleGrid>
      <Select
        label="Country"
        searchable
        data={countryOptions()}
        value={values.country || null}
        onChange={(value) => set('country', value ?? '')}
        description="The default region of phone numbers written without a country code."
        error={errors.country}
      />
    </SettingsSection>
  );
}

export function SenderSection({ organisation }: { organisation: Organisation }) {
  const form = useSettingsForm(
    organisation,
    (org) => ({ sender_name: org.sender_name ?? '', sender_email: org.sender_email ?? '' }),
    'Sender',
  );
  const { values, set, errors } = form;
  return (
    <SettingsSection
      title="E-mail sender"
      description="Tickets, cancellations and refunds are sent in this name; replies go to this address."
      onSubmit={form.save}
      onReset={form.reset}
      dirty={form.dirty}
      saving={form.saving}
      problem={form.problem}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Sender name"
          value={values.sender_name}
          onChange={(e) => set('sender_name', e.currentTarget.value)}
          error={errors.sender_name}
        />
        <TextInput
          label="Sender e-mail"
          type="email"
          value={values.sender_email}
          onChange={(e) => set('sender_email', e.currentTarget.value)}
          error={errors.sender_email}
        />
      </SimpleGrid>
    </SettingsSection>
  );
}

export function RefundPolicySection({ organisation }: { organisation: Organisation }) {
  const form = useSettingsForm(
    organisation,
    (org) => ({
      refund_methods: [...org.refund_methods].sort(),
      partial_refunds: org.partial_refunds,
      refund_fees: org.refund_fees,
      refund_deadline_days: org.refund_deadline_days,
    }),
    'Refund policy',
  );
  const { values, set, errors } = form;
  return (
    <SettingsSection
      title="Refund policy"
      description="Decides when the Refund action of an order is available, and what a refunded ticket returns."
      onSubmit={form.save}
      onReset={form.reset}
      dirty={form.dirty}
      saving={form.saving}
      problem={form.problem}
    >
      <Checkbox.Group
        label="Refundable payment methods"
        description="Orders paid otherwise cannot be refunded from the backoffice."
        value={values.refund_methods}
        onChange={(methods) => set('refund_methods', [...methods].sort() as PaymentMethod[])}
        error={errors.refund_methods}
      >
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mt="xs">
          {PAYMENT_METHODS.map((method) => (
            <Checkbox key={method} value={method} label={paymentMethodLabel(method)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Switch
        label="Partial refunds"
        description="Refund some tickets or an amount instead of the whole order."
        checked={values.partial_refunds}
        onChange={(e) => set('partial_refunds', e.currentTarget.checked)}
        error={errors.partial_refunds}
      />
      <Switch
        label="Refund service fees"
        description="A refunded ticket returns its fee as well as its price."
        checked={values.refund_fees}
        onChange={(e) => set('refund_fees', e.currentTarget.checked)}
        error={errors.refund_fees}
      />
      <NumberInput
        label="Refund deadline"
        description="Days after the event ends during which refunds are possible."
        min={0}
        max={3650}
        allowDecimal={false}
        allowNegative={false}
        rightSection={
          <Text size="xs" c="dimmed" pr="md">
            days
          </Text>
        }
        rightSectionWidth={56}
        value={values.refund_deadline_days}
        onChange={(value) => set('refund_deadline_days', typeof value === 'number' ? value : Number(value) || 0)}
        error={errors.refund_deadline_days}
        maw={240}
      />
    </SettingsSection>
  );
}
