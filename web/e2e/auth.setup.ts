import fs from 'node:fs';
import path from 'node:path';
import { expect, test as setup } from '@playwright/test';
import { PASSWORD, USERS, authFile, type RoleName } from './support/env';

for (const role of Object.keys(USERS) as RoleName[]) {
  setup(`log in as ${role}`, async ({ request }) => {
    const response = await request.post('/api/v1/session', { data: { email: USERS[role], password: PASSWORD } });
    expect(response.status(), await response.text()).toBe(200);
    fs.mkdirSync(path.dirname(authFile(role)), { recursive: true });
    await request.storageState({ path: authFile(role) });
  });
}
