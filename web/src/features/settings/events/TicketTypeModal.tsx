import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Divider, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '../../../components/icons';
import { useCreateTicketType, useUpdateTicketType, type TicketType } from '../../../api/events';
import { amountInputFormat, currencyDigits, formatNumber, toMajor, toMinor } from '../../../lib/format';
import { useTranslation } from 'react-i18next';

import { formProblem, type FormProblem } from '../../../lib/formErrors';
import { useSession } from '../../auth/SessionContext';
import { PersonalisationFieldsEditor, toApiFields, type EditableField } from './PersonalisationFieldsEditor';

/** Creates a ticket type of an event, or edits `ticketType`. */
export function TicketTypeModal({ eventId, ticketType, opened, onClose }: {
  eventId: number;
  ticketType?: TicketType;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { currency, money } = useSession();
  const phone = useMediaQuery('(max-width: 36em)');
  const create = useCreateTicketType(eventId);
  const update = useUpdateTicketType();
  const [name, setName] = useState('');
  const [price, setPrice] = useState<number | string>('');
  const [fee, setFee] = useState<number | string>('');
  const [capacity, setCapacity] = useState<number | string>('');
  const [fields, setFields] = useState<EditableField[]>([]);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  useEffect(() => {
    if (!opened) return;
    setName(ticketType?.name ?? '');
    setPrice(ticketType ? toMajor(ticketType.price, currency) : '');
    setFee(ticketType ? toMajor(ticketType.fee, currency) : '');
    setCapacity(ticketType?.capacity ?? '');
    setFields(ticketType?.personalisation_fields.map((field) => ({ ...field })) ?? []);
    setProblem(null);
  }, [opened]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const body = {
      name: name.trim(),
      price: price === '' ? 0 : toMinor(price, currency),
      fee: fee === '' ? 0 : toMinor(fee, currency),
      capacity: capacity === '' ? undefined : Number(capacity),
      personalisation_fields: toApiFields(fields),
    };
    try {
      if (ticketType) await update.mutateAsync({ id: ticketType.id, ...body });
      else await create.mutateAsync(body);
      notifications.show({ color: 'green', title: ticketType ? t('events.types.saved') : t('events.types.added'), message: body.name });
      onClose();
    } catch (cause) {
      setProblem(formProblem(cause));
    }
  }

  const errors = problem?.fields ?? {};
  const amountFormat = amountInputFormat(currency);
  const moneyProps = {
    min: 0,
    decimalScale: currencyDigits(currency),
    fixedDecimalScale: true,
    allowNegative: false,
    decimalSeparator: amountFormat.decimalSeparator,
    thousandSeparator: amountFormat.thousandSeparator,
    prefix: amountFormat.prefix,
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{ticketType ? t('events.editName', { name: ticketType.name }) : t('events.types.new')}</Text>}
      size="xl"
      fullScreen={phone}
    >
      <form onSubmit={submit} noValidate aria-label={ticketType ? t('events.types.edit') : t('events.types.new')}>
        <Stack gap="md">
          {problem && (
            <Alert color="red" icon={<IconAlertTriangle size={16} />} role="alert" data-testid="form-error">
              {Object.keys(errors).length ? t('personalisation.form.checkFields') : problem.message}
            </Alert>
          )}
          <TextInput
            label={t('events.form.name')}
            placeholder={t('events.types.namePlaceholder')}
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <NumberInput
              label={t('events.types.price')}
              description={t('events.types.priceHint')}
              {...moneyProps}
              value={price}
              onChange={setPrice}
              error={errors.price}
              placeholder={amountFormat.placeholder}
            />
            <NumberInput
              label={t('events.types.fee')}
              description={t('events.types.feeHint')}
              {...moneyProps}
              value={fee}
              onChange={setFee}
              error={errors.fee}
              placeholder={amountFormat.placeholder}
            />
            <NumberInput
              label={t('events.types.capacity')}
              description={ticketType ? t('events.types.issued', { count: formatNumber(ticketType.issued) }) : t('events.types.forSale')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={amountFormat.thousandSeparator}
              value={capacity}
              onChange={setCapacity}
              error={errors.capacity}
              required
            />
          </SimpleGrid>
          {price !== '' && Number(price) > 0 && (
            <Text size="xs" c="dimmed">
              {t('events.types.buyerPays', { amount: money(toMinor(price, currency) + (fee === '' ? 0 : toMinor(fee, currency))) })}
            </Text>
          )}
          <Divider
            label={
              <Text size="sm" fw={600} c="dark">
                {t('events.types.personalisation')}
              </Text>
            }
            labelPosition="left"
          />
          <Text size="sm" c="dimmed" mt={-8}>
            {t('events.types.personalisationText')}
          </Text>
          <PersonalisationFieldsEditor fields={fields} onChange={setFields} errors={errors} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={!name.trim()}>
              {ticketType ? t('events.types.save') : t('events.types.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
