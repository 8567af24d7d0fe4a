const partsFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A UTC instant as the wall-clock time in `timeZone`, `YYYY-MM-DDTHH:mm`: the value of a
 * `datetime-local` input. Sent back without an offset, the server reads it in the organisation's zone.
 */
export function toWallClock(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Adds hours to a wall-clock value, for a sensible default end time. */
export function addHours(wallClock: string, hours: number): string {
  const [day, time] = wallClock.split('T');
  if (!day || !time) return '';
  const [y, m, d] = day.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const shifted = new Date(Date.UTC(y!, m! - 1, d!, h! + hours, min!));
  return shifted.toISOString().slice(0, 16);
}
