import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Divider, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '../../../components/icons';
import { useCreateTicketType, useUpdateTicketType, type TicketType } from '../../../api/events';
import { currencyDigits, currencySymbol, toMajor, toMinor } from '../../../lib/format';
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
      notifications.show({ color: 'green', title: ticketType ? 'Ticket type saved' : 'Ticket type added', message: body.name });
      onClose();
    } catch (cause) {
      setProblem(formProblem(cause));
    }
  }

  const errors = problem?.fields ?? {};
  const moneyProps = {
    min: 0,
    decimalScale: currencyDigits(currency),
    fixedDecimalScale: true,
    allowNegative: false,
    thousandSeparator: ',',
    prefix: `${currencySymbol(currency)} `,
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{ticketType ? `Edit ${ticketType.name}` : 'New ticket type'}</Text>}
      size="xl"
      fullScreen={phone}
    >
      <form onSubmit={submit} noValidate aria-label={ticketType ? 'Edit ticket type' : 'New ticket type'}>
        <Stack gap="md">
          {problem && (
            <Alert color="red" icon={<IconAlertTriangle size={16} />} role="alert" data-testid="form-error">
              {Object.keys(errors).length ? 'Check the highlighted fields.' : problem.message}
            </Alert>
          )}
          <TextInput
            label="Name"
            placeholder="Weekend"
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <NumberInput
              label="Price"
              description="Per ticket, without fee"
              {...moneyProps}
              value={price}
              onChange={setPrice}
              error={errors.price}
              placeholder={`${currencySymbol(currency)} 0.00`}
            />
            <NumberInput
              label="Service fee"
              description="Per ticket"
              {...moneyProps}
              value={fee}
              onChange={setFee}
              error={errors.fee}
              placeholder={`${currencySymbol(currency)} 0.00`}
            />
            <NumberInput
              label="Capacity"
              description={ticketType ? `${ticketType.issued.toLocaleString()} issued` : 'Tickets for sale'}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              value={capacity}
              onChange={setCapacity}
              error={errors.capacity}
              required
            />
          </SimpleGrid>
          {price !== '' && Number(price) > 0 && (
            <Text size="xs" c="dimmed">
              The buyer pays {money(toMinor(price, currency) + (fee === '' ? 0 : toMinor(fee, currency)))} per ticket.
            </Text>
          )}
          <Divider
            label={
              <Text size="sm" fw={600} c="dark">
                Personalisation
              </Text>
            }
            labelPosition="left"
          />
          <Text size="sm" c="dimmed" mt={-8}>
            Attendee data asked for every ticket of this type. A type with at least one field requires personalisation,
            and changes apply to tickets already sold.
          </Text>
          <PersonalisationFieldsEditor fields={fields} onChange={setFields} errors={errors} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={!name.trim()}>
              {ticketType ? 'Save ticket type' : 'Add ticket type'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
