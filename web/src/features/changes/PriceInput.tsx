import { NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { amountInputFormat, currencyDigits, formatNumber, toMajor } from '../../lib/format';

/** A price that replaces the ticket type's own (the placeholder); empty keeps the type's price. Finance only. */
export function PriceInput({ value, onChange, currency, typePrice, error }: {
  value: number | string;
  onChange: (value: number | string) => void;
  currency: string;
  /** The chosen type's price in minor units, shown as the placeholder. */
  typePrice?: number;
  error?: string;
}) {
  const { t } = useTranslation();
  const amountFormat = amountInputFormat(currency);
  const digits = currencyDigits(currency);
  const typeAmount = (minor: number) =>
    `${amountFormat.prefix}${formatNumber(toMajor(minor, currency), { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
  return (
    <NumberInput
      label={t('changes.price.label')}
      description={t('changes.price.optional')}
      value={value}
      onChange={onChange}
      min={0}
      clampBehavior="none"
      decimalScale={digits}
      fixedDecimalScale
      allowNegative={false}
      decimalSeparator={amountFormat.decimalSeparator}
      thousandSeparator={amountFormat.thousandSeparator}
      prefix={amountFormat.prefix}
      placeholder={typePrice === undefined ? amountFormat.placeholder : typeAmount(typePrice)}
      error={error}
    />
  );
}
