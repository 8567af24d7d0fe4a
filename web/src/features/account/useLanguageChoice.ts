import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQueryKey, saveLanguage } from '../../api/session';
import type { Me } from '../../api/types';
import { applyLanguage, storeLanguage, storedLanguage } from '../../i18n';
import { browserLanguage, isLanguageCode, type LanguageCode } from '../../i18n/languages';

/** Whether this server keeps the language on the account (older ones leave the field out). */
export function accountKeepsLanguage(me: Me): boolean {
  return me.user !== null && me.user.language !== undefined;
}

/** The language the account asks for: its own choice, else this browser's remembered one, else the browser's. */
export function accountLanguage(me: Me): LanguageCode {
  if (accountKeepsLanguage(me)) {
    const saved = me.user?.language;
    return isLanguageCode(saved) ? saved : browserLanguage();
  }
  return storedLanguage() ?? browserLanguage();
}

/**
 * The person's choice: `null` follows the browser. Shown at once and remembered in this browser; saved on
 * the account when the server keeps it there.
 */
export function useLanguageChoice(me: Me) {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const onServer = accountKeepsLanguage(me);
  const save = useMutation({
    mutationFn: saveLanguage,
    onSuccess: (data) => {
      if (data?.user) queryClient.setQueryData(meQueryKey, data);
    },
  });
  const chosen: LanguageCode | null = onServer
    ? isLanguageCode(me.user?.language) ? me.user.language : null
    : storedLanguage();

  async function choose(code: LanguageCode | null) {
    applyLanguage(code ?? browserLanguage());
    storeLanguage(code);
    if (onServer) await save.mutateAsync(code);
  }

  return { active: i18n.resolvedLanguage, chosen, choose, saving: save.isPending, error: save.error };
}
