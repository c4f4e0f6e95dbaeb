/** The default range of a statistics export: the last `days` days up to today, as `YYYY-MM-DD`. */
export function lastDays(days: number, today = new Date()): [string, string] {
  const iso = (d: Date): string =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return [iso(from), iso(today)];
}
