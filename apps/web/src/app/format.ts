/** Display helpers. Every time users see is Asia/Shanghai, whatever the browser's zone. */
import i18n from './i18n';

const TIME_ZONE = 'Asia/Shanghai';

const locale = () => (i18n.language?.startsWith('en') ? 'en-GB' : 'zh-CN');

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale(), {
    timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(date);
}

/** A calendar date (YYYY-MM-DD, already a Shanghai date) or an instant, shown as a Shanghai date. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return locale() === 'zh-CN' ? `${y}年${Number(m)}月${Number(d)}日` : `${d}/${m}/${y}`;
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale(), { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

export function formatTime(value: string | null | undefined): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(locale(), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(value));
}

/** Today in Shanghai as YYYY-MM-DD. */
export function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function formatWage(min: number | null | undefined, max: number | null | undefined): string {
  const unit = i18n.t('common.yuanPerMonth');
  if (min == null && max == null) return '—';
  if (min === max || max == null) return `${(min ?? 0).toLocaleString()} ${unit}`;
  return `${(min ?? 0).toLocaleString()}–${max.toLocaleString()} ${unit}`;
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value == null || Number.isNaN(value)) return '—';
  return value.toLocaleString(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

const english = () => i18n.language?.startsWith('en') ?? false;

/** A label's colon: full-width in Chinese, ASCII and a space in English. */
export function colon(): string {
  return english() ? ': ' : '：';
}

/** A list in running text: 、 in Chinese, commas in English. */
export function joinList(items: string[]): string {
  return items.join(english() ? ', ' : '、');
}

/** A remark in brackets after a text: full-width in Chinese, ASCII with a space in English. */
export function inBrackets(text: string): string {
  return english() ? ` (${text})` : `（${text}）`;
}

/** The text of a pair the API gives in both languages, in the console's language. */
export function bilingual(zh: string, en: string | null | undefined): string {
  return english() && en ? en : zh;
}
