/** Round tick values for an axis from `min` to `max` (min ≤ 0 ≤ max), about `count` steps. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  const span = max - min || 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const low = Math.floor(min / step) * step;
  const high = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  // "+ 0" turns -0 into 0, which would print as "-€0".
  for (let value = low; value <= high + step / 2; value += step) ticks.push(Math.round(value * 1e6) / 1e6 + 0);
  return ticks;
}

/** Up to `count` evenly spread indexes of `length` items, always with the first and the last. */
export function spreadIndexes(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  const result = new Set<number>();
  for (let i = 0; i < count; i++) result.add(Math.round((i * (length - 1)) / (count - 1)));
  return [...result];
}
