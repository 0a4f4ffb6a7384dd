/** Chinese numerals to Arabic digits: 三十五 → 35, 两百 → 200, 二〇二五 → 2025. */

const DIGIT_VALUES = new Map<string, number>([
  ['零', 0], ['〇', 0], ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
  ['壹', 1], ['贰', 2], ['叁', 3], ['肆', 4], ['伍', 5], ['陆', 6], ['柒', 7], ['捌', 8], ['玖', 9],
]);

const MAGNITUDES = new Map<string, number>([
  ['十', 10], ['拾', 10], ['百', 100], ['佰', 100], ['千', 1000], ['仟', 1000],
]);

const NUMERAL_CODES = new Set([...DIGIT_VALUES.keys(), ...MAGNITUDES.keys(), '万'].map((ch) => ch.codePointAt(0)!));

export function isNumeralChar(ch: string): boolean {
  return NUMERAL_CODES.has(ch.codePointAt(0)!);
}

function hasMagnitude(run: string): boolean {
  for (const ch of run) if (MAGNITUDES.has(ch) || ch === '万') return true;
  return false;
}

function hasDigit(run: string): boolean {
  for (const ch of run) if (DIGIT_VALUES.has(ch)) return true;
  return false;
}

/** Value of a run of numeral characters; a run without magnitudes is read digit by digit. */
export function parseChineseNumeral(run: string): number {
  if (!hasMagnitude(run)) {
    let digits = '';
    for (const ch of run) digits += String(DIGIT_VALUES.get(ch) ?? 0);
    return Number(digits);
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of run) {
    const value = DIGIT_VALUES.get(ch);
    if (value !== undefined) {
      digit = value;
    } else if (ch === '万') {
      total += (section + digit || 1) * 10_000;
      section = 0;
      digit = 0;
    } else {
      section += (digit || 1) * MAGNITUDES.get(ch)!;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** Units and range words after which a numeral run is a quantity (一年内 → 1年内, but 一线 stays). */
const QUANTITY_FOLLOWERS = [
  '周岁', '岁', '多岁', '余岁', '元', '块', '年', '个月', '个', '月', '周', '天', '日', '小时',
  '公斤', '千克', '斤', '厘米', '公分', '米', 'cm', 'kg', '名', '人', '位', '次', '倍', '%',
  '以上', '以下', '以内', '左右', '多', '余',
];
const RANGE_WORDS = ['至', '到', '-', '~', '—', '－', '～'];

/**
 * Whether the numeral run `run`, followed by `after`, should become digits. Quantities followed by
 * a unit, the ends of ranges, and multi-character numbers with a magnitude (五百, 三十) convert;
 * words that only contain numeral characters (一线, 万宁, 千万, 第一, 两对半, 五官) do not.
 */
export function shouldConvertNumeral(run: string, after: string, before: string): boolean {
  const first = run[0];
  if (first === '万' || first === '千' || first === '百' || first === '仟' || first === '佰') return false;
  if (before === '第') return false;
  if (QUANTITY_FOLLOWERS.some((unit) => after.startsWith(unit))) return true;
  if (RANGE_WORDS.some((word) => after.startsWith(word))) {
    const next = after.charAt(1);
    return isNumeralChar(next) || (next >= '0' && next <= '9');
  }
  return run.length >= 2 && hasMagnitude(run) && hasDigit(run);
}
