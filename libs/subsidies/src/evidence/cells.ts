import { isValidResidentId, normalizeResidentId, upgradeResidentId15 } from '@app/identifiers';

/**
 * Cell parsers for the spreadsheets and CSV files county offices receive. Every value is first normalised (NFKC:
 * full-width digits and letters become half-width; spaces trimmed). A parser returns null when the text is not a
 * valid value of its kind.
 */
export const normalizeCell = (text: string) => text.normalize('NFKC').trim();

/** 2025-06-01, 2025/6/1, 2025.6.1, 2025年6月1日, 20250601, or an Excel serial day number (45809). */
export function parseDateCell(text: string): string | null {
  const value = normalizeCell(text);
  if (/^\d{5}(\.0+)?$/.test(value)) {
    return new Date(Date.UTC(1899, 11, 30) + Math.trunc(Number(value)) * 86_400_000).toISOString().slice(0, 10);
  }
  const match = /^(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*[-/.月]?\s*(\d{1,2})\s*日?$/.exec(value);
  if (!match || (!/[-/.年]/.test(value) && value.length !== 8)) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** A month: 2025-06, 2025/6, 2025年6月, 202506, or any date form (its month). */
export function parseMonthCell(text: string): string | null {
  const value = normalizeCell(text);
  const match = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))$/.exec(value);
  if (match) {
    const month = Number(match[2] ?? match[3]);
    return month >= 1 && month <= 12 ? `${match[1]}-${String(month).padStart(2, '0')}` : null;
  }
  return parseDateCell(value)?.slice(0, 7) ?? null;
}

/** Yuan: "2000", "2,000.50", "2000元", "0.2万元" / "0.2万" (ten thousands); null when negative or not a number. */
export function parseYuanCell(text: string): number | null {
  const value = normalizeCell(text).replace(/[,，\s]/g, '').replace(/元$/, '');
  const tenThousands = /万$/.test(value);
  const number = Number(tenThousands ? value.slice(0, -1) : value);
  if (!value || !Number.isFinite(number) || number < 0) return null;
  return Math.round(number * (tenThousands ? 10_000 : 1) * 100) / 100;
}

export function parseIntegerCell(text: string): number | null {
  const value = normalizeCell(text);
  return /^\d+(\.0+)?$/.test(value) ? Math.trunc(Number(value)) : null;
}

const YES_NO: Record<string, boolean> = { 是: true, 否: false, Y: true, N: false, 1: true, 0: false, TRUE: true, FALSE: false, 有: true, 无: false };
export const parseYesNoCell = (text: string): boolean | null => YES_NO[normalizeCell(text).toUpperCase()] ?? null;

/** A resident ID number: 18 digits (lower-case x accepted), or a 15-digit first-generation number upgraded. */
export function parseResidentIdCell(text: string): string | null {
  const value = normalizeResidentId(normalizeCell(text));
  const id = value.length === 15 ? upgradeResidentId15(value) : value;
  return id && isValidResidentId(id) ? id : null;
}

/** One of a code list, by code or by any of its labels. */
export const parseChoiceCell = <T extends string>(labels: Record<string, T>) => (text: string): T | null => labels[normalizeCell(text)] ?? null;
