import { useState } from 'react';
import { Box, Group, Paper, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { RevenueFigures } from '../../api/reports';
import { formatCompactMoney, formatDay, toMajor } from '../../lib/format';
import { useTranslation } from 'react-i18next';

import { niceTicks, spreadIndexes } from './chartScale';

interface Day extends RevenueFigures {
  key: string;
}

const HEIGHT = 260;
const PAD = { top: 12, right: 8, bottom: 28, left: 64 };
const COLORS = { gross: 'var(--mantine-color-indigo-5)', refunds: 'var(--mantine-color-red-4)', net: 'var(--mantine-color-dark-5)' };

function dayLabel(key: string, withYear = false) {
  return formatDay(key, withYear ? 'date' : 'dayMonth');
}

/** Revenue up and refunds down per day, with the net as a line; hover shows a day's figures. */
export function RevenueChart({ days, currency, money }: {
  days: Day[];
  currency: string;
  money: (minor: number) => string;
}) {
  const { t } = useTranslation();
  const { ref, width } = useElementSize();
  const [hover, setHover] = useState<number | null>(null);

  const plotWidth = Math.max(0, width - PAD.left - PAD.right);
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const maxUp = Math.max(0, ...days.map((d) => Math.max(d.gross, d.net)));
  const maxDown = Math.max(0, ...days.map((d) => Math.max(d.refunds, -d.net)));
  const ticks = niceTicks(-toMajor(maxDown, currency), toMajor(maxUp, currency) || 100);
  const top = ticks[ticks.length - 1]!;
  const bottom = ticks[0]!;
  const y = (minor: number) => PAD.top + ((top - toMajor(minor, currency)) / (top - bottom || 1)) * plotHeight;
  const band = days.length ? plotWidth / days.length : 0;
  const bar = Math.max(1, Math.min(28, band * 0.68));
  const x = (index: number) => PAD.left + band * index + band / 2;
  const zero = y(0);
  const labels = spreadIndexes(days.length, Math.max(2, Math.min(7, Math.floor(plotWidth / 90))));
  const current = hover !== null ? days[hover] : undefined;

  return (
    <Box ref={ref} pos="relative" data-testid="revenue-chart">
      <Group gap="md" mb="xs" aria-hidden>
        <Legend color={COLORS.gross} label={t('reports.revenue.revenue')} />
        <Legend color={COLORS.refunds} label={t('reports.revenue.refunds')} />
        <Legend color={COLORS.net} label={t('reports.revenue.net')} line />
      </Group>
      {width > 0 && (
        <svg
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={t('reports.revenue.chartLabel', { count: days.length })}
          onMouseLeave={() => setHover(null)}
          onMouseMove={(event) => {
            const left = event.currentTarget.getBoundingClientRect().left;
            const index = Math.floor((event.clientX - left - PAD.left) / (band || 1));
            setHover(index >= 0 && index < days.length ? index : null);
          }}
          style={{ display: 'block', overflow: 'visible' }}
        >
          {ticks.map((tick) => {
            const ty = PAD.top + ((top - tick) / (top - bottom || 1)) * plotHeight;
            return (
              <g key={tick}>
                <line
                  x1={PAD.left}
                  x2={PAD.left + plotWidth}
                  y1={ty}
                  y2={ty}
                  stroke={tick === 0 ? 'var(--mantine-color-gray-5)' : 'var(--mantine-color-gray-2)'}
                  strokeDasharray={tick === 0 ? undefined : '3 3'}
                />
                <text x={PAD.left - 8} y={ty} dy="0.32em" textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)">
                  {formatCompactMoney(tick, currency)}
                </text>
              </g>
            );
          })}
          {hover !== null && (
            <rect x={PAD.left + band * hover} y={PAD.top} width={band} height={plotHeight} fill="var(--mantine-color-gray-1)" />
          )}
          {days.map((day, index) => (
            <g key={day.key}>
              {day.gross > 0 && (
                <rect x={x(index) - bar / 2} y={y(day.gross)} width={bar} height={Math.max(1, zero - y(day.gross))} rx={Math.min(3, bar / 3)} fill={COLORS.gross} />
              )}
              {day.refunds > 0 && (
                <rect x={x(index) - bar / 2} y={zero} width={bar} height={Math.max(1, y(-day.refunds) - zero)} rx={Math.min(3, bar / 3)} fill={COLORS.refunds} />
              )}
            </g>
          ))}
          {days.length > 1 && (
            <polyline
              points={days.map((day, index) => `${x(index)},${y(day.net)}`).join(' ')}
              fill="none"
              stroke={COLORS.net}
              strokeWidth={1.5}
              strokeLinejoin="round"
              opacity={0.7}
            />
          )}
          {labels.map((index) => (
            <text
              key={index}
              x={x(index)}
              y={HEIGHT - 8}
              textAnchor={index === 0 && labels.length > 1 ? 'start' : index === days.length - 1 && labels.length > 1 ? 'end' : 'middle'}
              fontSize={11}
              fill="var(--mantine-color-dimmed)"
            >
              {dayLabel(days[index]!.key)}
            </text>
          ))}
        </svg>
      )}
      {current && hover !== null && (
        <Paper
          shadow="md"
          withBorder
          p="xs"
          radius="md"
          pos="absolute"
          top={36}
          style={{
            pointerEvents: 'none',
            left: Math.min(Math.max(0, x(hover) + 12), Math.max(0, width - 190)),
            width: 180,
            zIndex: 2,
          }}
        >
          <Text size="xs" fw={600} mb={4}>
            {dayLabel(current.key, true)}
          </Text>
          <TooltipRow color={COLORS.gross} label={t('reports.revenue.revenue')} value={money(current.gross)} />
          <TooltipRow color={COLORS.refunds} label={t('reports.revenue.refunds')} value={money(current.refunds)} />
          <TooltipRow color={COLORS.net} label={t('reports.revenue.net')} value={money(current.net)} />
          <Text size="xs" c="dimmed" mt={4}>
            {t('reports.revenue.ticketsSoldCount', { count: current.tickets_sold })}
          </Text>
        </Paper>
      )}
    </Box>
  );
}

function Legend({ color, label, line }: { color: string; label: string; line?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span
        style={{
          width: line ? 14 : 10,
          height: line ? 2 : 10,
          borderRadius: line ? 1 : 3,
          background: color,
          display: 'inline-block',
        }}
      />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

function TooltipRow({ color, label, value }: { color: string; label: string; value: string }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Group gap={6} wrap="nowrap">
        <span style={{ width: 8, height: 8, borderRadius: 2, background: color, display: 'inline-block' }} />
        <Text size="xs">{label}</Text>
      </Group>
      <Text size="xs" fw={500} className="tabular">
        {value}
      </Text>
    </Group>
  );
}
