import { NumberInput } from '@mantine/core';
import { currencyDigits, currencySymbol, toMajor } from '../../lib/format';

/** A price that replaces the ticket type's own (the placeholder); empty keeps the type's price. Finance only. */
export function PriceInput({ value, onChange, currency, typePrice, error }: {
  value: number | string;
  onChange: (value: number | string) => void;
  currency: string;
  /** The chosen type's price in minor units, shown as the placeholder. */
  typePrice?: number;
  error?: string;
}) {
  const symbol = currencySymbol(currency);
  return (
    <NumberInput
      label="Price"
      description="Optional"
      value={value}
      onChange={onChange}
      min={0}
      clampBehavior="none"
      decimalScale={currencyDigits(currency)}
      fixedDecimalScale
      allowNegative={false}
      thousandSeparator=","
      prefix={`${symbol} `}
      placeholder={typePrice === undefined ? `${symbol} 0.00` : `${symbol} ${toMajor(typePrice, currency).toFixed(currencyDigits(currency))}`}
      error={error}
    />
  );
}
