import { useEffect, useState } from 'react';
import { Group, SegmentedControl, Select } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import dayjs from 'dayjs';
import { IconCalendar } from '../../components/icons';
import type { Period } from '../../api/reports';
import { PRESETS, type Preset } from './periods';
import { useTranslation } from 'react-i18next';


function toDate(day: string) {
  return dayjs(day, 'YYYY-MM-DD').toDate();
}

export function PeriodPicker({ preset, period, onPreset, onRange }: {
  preset: Preset;
  period: Period;
  onPreset: (preset: Preset) => void;
  onRange: (period: Period) => void;
}) {
  const { t } = useTranslation();
  const presets = PRESETS.map(({ value }) => ({ value, label: t(`reports.period.${value}`) }));
  const [range, setRange] = useState<DatesRangeValue>([toDate(period.from), toDate(period.to)]);
  useEffect(() => setRange([toDate(period.from), toDate(period.to)]), [period.from, period.to]);

  return (
    <Group gap="sm" wrap="wrap" align="center">
      <SegmentedControl
        aria-label={t('reports.period.label')}
        data={presets}
        value={preset}
        onChange={(value) => onPreset(value as Preset)}
        visibleFrom="sm"
      />
      <Select
        aria-label={t('reports.period.label')}
        data={presets}
        value={preset}
        onChange={(value) => value && onPreset(value as Preset)}
        allowDeselect={false}
        hiddenFrom="sm"
        w={150}
      />
      {preset === 'custom' && (
        <DatePickerInput
          type="range"
          aria-label={t('reports.period.customLabel')}
          leftSection={<IconCalendar size={16} />}
          value={range}
          onChange={(next) => {
            setRange(next);
            const [from, to] = next;
            if (from && to) onRange({ from: dayjs(from).format('YYYY-MM-DD'), to: dayjs(to).format('YYYY-MM-DD') });
          }}
          allowSingleDateInRange
          valueFormat="D MMM YYYY" // i18n-ignore: a dayjs format
          w={250}
        />
      )}
    </Group>
  );
}
