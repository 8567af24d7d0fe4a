import { useEffect, useMemo, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useUpdateOrganisation, type Organisation, type OrganisationChanges } from '../../../api/organisation';
import { formProblem, type FormProblem } from '../../../lib/formErrors';
import { i18n } from '../../../i18n';

type Values = Record<string, unknown>;

function same(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One section's values, compared with the saved organisation; saving sends only what changed. `title`: the section's name. */
export function useSettingsForm<T extends Values>(organisation: Organisation, pick: (org: Organisation) => T, title: string) {
  const saved = useMemo(() => pick(organisation), [organisation]);
  const [values, setValues] = useState<T>(saved);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const update = useUpdateOrganisation();

  useEffect(() => setValues(saved), [saved]);

  const changes = useMemo(() => {
    const result: Values = {};
    for (const key of Object.keys(values)) if (!same(values[key], saved[key])) result[key] = values[key];
    return result;
  }, [values, saved]);

  async function save() {
    setProblem(null);
    try {
      await update.mutateAsync(changes as OrganisationChanges);
      notifications.show({ color: 'green', title: i18n.t('organisation.saved', { section: title }), message: organisation.name });
    } catch (cause) {
      setProblem(formProblem(cause));
    }
  }

  return {
    values,
    set: <K extends keyof T>(key: K, value: T[K]) => setValues((current) => ({ ...current, [key]: value })),
    dirty: Object.keys(changes).length > 0,
    saving: update.isPending,
    save,
    reset: () => {
      setValues(saved);
      setProblem(null);
    },
    errors: problem?.fields ?? {},
    problem: problem && Object.keys(problem.fields).length === 0 ? problem.message : null,
  };
}
