import { Checkbox, NumberInput, Select, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import type { Organisation } from '../../../api/organisation';
import type { PaymentMethod } from '../../../api/types';
import { PAYMENT_METHODS, paymentMethodLabel } from '../../../lib/format';
import { SettingsSection } from './SettingsSection';
import { useSettingsForm } from './useSettingsForm';
import { countryOptions, currencyOptions, languageOptions, timeZoneOptions } from './choices';
import { useTranslation } from 'react-i18next';


export function GeneralSection({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const form = useSettingsForm(
    organisation,
    (org) => ({
      name: org.name,
      currency: org.currency,
      time_zone: org.time_zone,
      country: org.country ?? '',
      default_language: org.default_language,
    }),
    t('organisation.general.name'),
  );
  const { values, set, errors } = form;
  return (
    <SettingsSection
      title={t('organisation.general.title')}
      description={t('organisation.general.description')}
      onSubmit={form.save}
      onReset={form.reset}
      dirty={form.dirty}
      saving={form.saving}
      problem={form.problem}
    >
      <TextInput label={t('organisation.general.orgName')} required value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('organisation.general.currency')}
          searchable
          data={currencyOptions(organisation.currency)}
          value={values.currency}
          onChange={(value) => value && set('currency', value)}
          allowDeselect={false}
          disabled={organisation.currency_locked}
          description={
            organisation.currency_locked
              ? t('organisation.general.currencyLocked')
              : t('organisation.general.currencyOpen')
          }
          error={errors.currency}
        />
        <Select
          label={t('organisation.general.timeZone')}
          searchable
          data={timeZoneOptions(organisation.time_zone)}
          value={values.time_zone}
          onChange={(value) => value && set('time_zone', value)}
          allowDeselect={false}
          description={t('organisation.general.timeZoneHint')}
          error={errors.time_zone}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('organisation.general.country')}
          searchable
          data={countryOptions()}
          value={values.country || null}
          onChange={(value) => set('country', value ?? '')}
          description={t('organisation.general.countryHint')}
          error={errors.country}
        />
        <Select
          label={t('organisation.general.customerLanguage')}
          data={languageOptions(organisation.languages)}
          value={values.default_language}
          onChange={(value) => value && set('default_language', value)}
          allowDeselect={false}
          description={t('organisation.general.customerLanguageHint')}
          error={errors.default_language}
        />
      </SimpleGrid>
    </SettingsSection>
  );
}

export function SenderSection({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const form = useSettingsForm(
    organisation,
    (org) => ({ sender_name: org.sender_name ?? '', sender_email: org.sender_email ?? '' }),
    t('organisation.sender.name'),
  );
  const { values, set, errors } = form;
  return (
    <SettingsSection
      title={t('organisation.sender.title')}
      description={t('organisation.sender.description')}
      onSubmit={form.save}
      onReset={form.reset}
      dirty={form.dirty}
      saving={form.saving}
      problem={form.problem}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('organisation.sender.senderName')}
          value={values.sender_name}
          onChange={(e) => set('sender_name', e.currentTarget.value)}
          error={errors.sender_name}
        />
        <TextInput
          label={t('organisation.sender.senderEmail')}
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
  const { t } = useTranslation();
  const form = useSettingsForm(
    organisation,
    (org) => ({
      refund_methods: [...org.refund_methods].sort(),
      partial_refunds: org.partial_refunds,
      refund_fees: org.refund_fees,
      refund_deadline_days: org.refund_deadline_days,
    }),
    t('organisation.refunds.title'),
  );
  const { values, set, errors } = form;
  return (
    <SettingsSection
      title={t('organisation.refunds.title')}
      description={t('organisation.refunds.description')}
      onSubmit={form.save}
      onReset={form.reset}
      dirty={form.dirty}
      saving={form.saving}
      problem={form.problem}
    >
      <Checkbox.Group
        label={t('organisation.refunds.methods')}
        description={t('organisation.refunds.methodsHint')}
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
        label={t('organisation.refunds.partial')}
        description={t('organisation.refunds.partialHint')}
        checked={values.partial_refunds}
        onChange={(e) => set('partial_refunds', e.currentTarget.checked)}
        error={errors.partial_refunds}
      />
      <Switch
        label={t('organisation.refunds.fees')}
        description={t('organisation.refunds.feesHint')}
        checked={values.refund_fees}
        onChange={(e) => set('refund_fees', e.currentTarget.checked)}
        error={errors.refund_fees}
      />
      <NumberInput
        label={t('organisation.refunds.deadline')}
        description={t('organisation.refunds.deadlineHint')}
        min={0}
        max={3650}
        allowDecimal={false}
        allowNegative={false}
        rightSection={
          <Text size="xs" c="dimmed" pr="md">
            {t('organisation.refunds.days')}
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
