/** Milliseconds from `now` to the next time the local clock shows `hour`:00 (never 0: at least a minute on). */
export function msUntilLocalHour(now: Date, hour: number): number {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  if (next.getTime() - now.getTime() < 60_000) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}
