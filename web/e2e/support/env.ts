import path from 'node:path';

export const PASSWORD = 'boxoffice-demo';

export const USERS = {
  admin: 'admin@demo.test',
  finance: 'finance@demo.test',
  support: 'support@demo.test',
  viewer: 'viewer@demo.test',
  otherAdmin: 'admin@other.test',
} as const;

export type RoleName = keyof typeof USERS;

const here = path.dirname(new URL(import.meta.url).pathname);

export const authFile = (role: RoleName) => path.join(here, '..', '.auth', `${role}.json`);

export const claimsFile = path.join(here, '..', '.state', 'claimed.json');

export const baseURL = process.env.BOXOFFICE_URL ?? 'http://127.0.0.1:8080';
