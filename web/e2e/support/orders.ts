import fs from 'node:fs';
import path from 'node:path';
import { Api } from './api';
import { claimsFile } from './env';
import type { ChangeOptions, OrderDetail, OrderListItem } from './types';

function readClaims(): string[] {
  try {
    return JSON.parse(fs.readFileSync(claimsFile, 'utf8')) as string[];
  } catch {
    return [];
  }
}

function addClaim(number: string) {
  const claims = readClaims();
  claims.push(number);
  fs.mkdirSync(path.dirname(claimsFile), { recursive: true });
  fs.writeFileSync(claimsFile, JSON.stringify(claims));
}

export interface OrderSearch {
  query?: Record<string, string>;
  /** Which order qualifies, judged on its detail as the given API client sees it. */
  where: (order: OrderDetail) => boolean;
  /** Read-only tests may share orders; tests that change an order claim it for themselves. */
  claim?: boolean;
  role?: Api;
}

/**
 * Finds a demo order that matches and that no other test of this run has claimed.
 * Tests share one server and one demo data set, so every changing test claims its order.
 */
export async function findOrder(api: Api, search: OrderSearch): Promise<OrderDetail> {
  const claimed = new Set(readClaims());
  let cursor: string | null = null;
  for (let page = 0; page < 10; page++) {
    const params = new URLSearchParams({ limit: '100', ...(search.query ?? {}) });
    if (cursor) params.set('cursor', cursor);
    const list = await api.get<{ items: OrderListItem[]; next_cursor: string | null }>(`/api/v1/orders?${params}`);
    for (const item of list.items) {
      if (claimed.has(item.number)) continue;
      const detail = await api.get<OrderDetail>(`/api/v1/orders/${item.number}`);
      if (!search.where(detail)) continue;
      if (search.claim !== false) addClaim(detail.number);
      return detail;
    }
    cursor = list.next_cursor;
    if (!cursor) break;
  }
  throw new Error(`No unclaimed demo order matches ${JSON.stringify(search.query ?? {})}`);
}

export const valid = (order: OrderDetail) => order.tickets.filter((ticket) => ticket.status === 'valid');

/** Valid tickets that the server lets change now. */
export const changeable = (order: OrderDetail) => valid(order).filter((ticket) => ticket.change?.enabled);

export const changeOptions = (api: Api, number: string) =>
  api.get<ChangeOptions>(`/api/v1/orders/${number}/change-options`);

/** A ticket type of the order's own event, by name, from its change options. */
export function currentType(options: ChangeOptions, name: string) {
  const type = options.events.find((event) => event.current)?.ticket_types.find((t) => t.name === name);
  if (!type) throw new Error(`no ticket type ${name} in the order's event`);
  return type;
}
