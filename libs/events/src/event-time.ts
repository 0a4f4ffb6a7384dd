/** Times users see are in Asia/Shanghai (UTC+8 all year, no daylight saving). */
const OFFSET_MS = 8 * 3600_000;

/** Today's date (or the date of `at`) in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiDate(at: Date = new Date()): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** A Shanghai wall-clock date and time ('2026-12-10', '09:30') as an instant. */
export function shanghaiInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** '2026-12-10T09:30:00+08:00'. */
export function shanghaiIso(at: Date): string {
  return `${new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** '09:30'. */
export function shanghaiClock(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** '2026年12月10日 09:30'. */
export function shanghaiDisplay(at: Date): string {
  const iso = new Date(at.getTime() + OFFSET_MS).toISOString();
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`;
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
