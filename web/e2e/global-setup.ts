import fs from 'node:fs';
import { claimsFile } from './support/env';

export default function globalSetup() {
  fs.rmSync(claimsFile, { force: true });
}
