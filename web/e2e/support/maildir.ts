import fs from 'node:fs';
import path from 'node:path';

export interface StoredMail {
  file: string;
  to: string;
  subject: string;
  raw: string;
}

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded);
  return match?.[1]?.trim() ?? '';
}

/** Messages that the test SMTP server stored since `since` (ms since epoch). */
export function mailsSince(since: number): StoredMail[] {
  const root = process.env.BOXOFFICE_MAILDIR;
  if (!root) throw new Error('BOXOFFICE_MAILDIR is not set');
  const result: StoredMail[] = [];
  for (const folder of ['new', 'cur']) {
    const dir = path.join(root, folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      const stat = fs.statSync(file);
      if (stat.mtimeMs < since - 1000) continue;
      const raw = fs.readFileSync(file, 'utf8');
      result.push({ file, to: header(raw, 'To'), subject: header(raw, 'Subject'), raw });
    }
  }
  return result;
}

export function mailsTo(address: string, since: number): StoredMail[] {
  const wanted = address.toLowerCase();
  return mailsSince(since).filter((mail) => mail.to.toLowerCase().includes(wanted));
}

/** The first invitation link in a stored message (quoted-printable soft line breaks undone). */
export function invitationLink(mail: StoredMail): string | null {
  const text = mail.raw.replace(/=\r?\n/g, '');
  return /https?:\/\/[^\s"<>]+\/invite\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? null;
}
