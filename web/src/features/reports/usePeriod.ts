import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Period } from '../../api/reports';
import { useSession } from '../auth/SessionContext';
import { PRESETS, presetPeriod, type Preset } from './periods';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The report's period lives in the URL: a preset, or `custom` with its own from and to. */
export function usePeriod() {
  const { timeZone } = useSession();
  const [params, setParams] = useSearchParams();
  const requested = params.get('period') as Preset | null;
  const preset: Preset = PRESETS.some((p) => p.value === requested) ? requested! : 'this_month';

  const period = useMemo<Period>(() => {
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    if (preset === 'custom' && DAY.test(from) && DAY.test(to)) return { from, to };
    return presetPeriod(preset === 'custom' ? 'this_month' : preset, timeZone);
  }, [params, preset, timeZone]);

  const setParam = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const choosePreset = useCallback(
    (value: Preset) =>
      setParam(
        value === 'custom'
          ? { period: 'custom', from: period.from, to: period.to }
          : { period: value, from: null, to: null },
      ),
    [setParam, period],
  );

  const chooseRange = useCallback(
    (range: Period) => setParam({ period: 'custom', from: range.from, to: range.to }),
    [setParam],
  );

  return { preset, period, choosePreset, chooseRange, params, setParam };
}
