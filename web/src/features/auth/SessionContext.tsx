import { createContext, useContext, useLayoutEffect, useMemo, type ReactNode } from 'react';
import type { Me, Permission } from '../../api/types';
import { formatDate, formatMoney } from '../../lib/format';
import { applyLanguage, storeLanguage } from '../../i18n';
import { isLanguageCode } from '../../i18n/languages';
import { accountKeepsLanguage, accountLanguage } from '../account/useLanguageChoice';

export interface Session {
  me: Me;
  currency: string;
  timeZone: string;
  money: (minor: number, currency?: string) => string;
  date: (iso: string | null | undefined, style?: Parameters<typeof formatDate>[2]) => string;
  /** Whether the server lists this permission for the caller's role. */
  can: (permission: Permission) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const saved = me.user?.language;
  useLayoutEffect(() => {
    applyLanguage(accountLanguage(me));
    if (accountKeepsLanguage(me)) storeLanguage(isLanguageCode(saved) ? saved : null);
    // again only when the account's language changes
  }, [saved]);
  const value = useMemo<Session>(() => {
    const currency = me.organisation.currency;
    const timeZone = me.organisation.time_zone;
    return {
      me,
      currency,
      timeZone,
      money: (minor, other) => formatMoney(minor, other ?? currency),
      date: (iso, style) => formatDate(iso, timeZone, style),
      can: (permission) => me.permissions.includes(permission),
    };
  }, [me]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
