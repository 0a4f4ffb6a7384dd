import fc from 'fast-check';
import { Converter } from 'opencc-js';
import { CORPUS, postingOf } from './testing/corpus/corpus';
import { isHan } from './chars';
import { isNumeralChar } from './chinese-numerals';
import { isNegated } from './find-matches';
import { normalizeWithOrigin } from './normalize';
import { RULE_SET } from './rules';
import { screenPosting } from './screen';

const toTraditional = Converter({ from: 'cn', to: 'tw' });

/** Example phrases of every rule whose verdict (without context) is BLOCK, with the rule's exceptions. */
const BLOCK_PHRASES = RULE_SET.rules
  .filter((r) => r.verdict === 'BLOCK')
  .flatMap((r) => r.examples.map((phrase) => ({ phrase, exceptions: r.exceptions ?? [], negatable: r.negatable ?? false })));
const ALLOWED_PHRASES = [...RULE_SET.rules.flatMap((r) => r.mustNotTrigger ?? []), ...RULE_SET.lawfulPreferences];
const CLEAN_TEXTS = CORPUS.filter((e) => e.expect.length === 0 && !e.context && e.text).map((e) => e.text!);

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\ufeff', '\u2060'];
const SPACES = [' ', '  ', '\u3000', '\u00a0'];
const SYMBOLS = ['·', '-', '*', '_', '/', '|', '~', '.', '★', '😀'];

const isHanChar = (ch: string | undefined): boolean => ch !== undefined && isHan(ch.codePointAt(0)!);
const isDigitChar = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isLatinChar = (ch: string | undefined): boolean => ch !== undefined && /^[a-z]$/i.test(ch);
const isNumeral = (ch: string | undefined): boolean => ch !== undefined && (isDigitChar(ch) || isNumeralChar(ch));
/** Two characters that fuse into one number (万 + 三年 reads 万三年) or one latin word when adjacent. */
const glues = (a: string | undefined, b: string | undefined): boolean =>
  (isNumeral(a) && isNumeral(b)) || (isLatinChar(a) && isLatinChar(b));

function fullWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  return code > 0x20 && code < 0x7f ? String.fromCharCode(code + 0xfee0) : ch;
}

/** An evasion of `phrase`: per character full-width or traditional, and a separator in each gap. */
const evasion = (phrase: string): fc.Arbitrary<string> => {
  const chars = [...phrase];
  const charForms = chars.map((ch) => fc.constantFrom(ch, fullWidth(ch), toTraditional(ch)));
  const gapForms = chars.slice(1).map((next, i) => {
    const prev = chars[i];
    // Symbols only where the normaliser treats them as separators (next to a Chinese character);
    // latin letters keep only invisible separators, digits also take spaces.
    const options = ['', ...INVISIBLE];
    if (isHanChar(prev) || isHanChar(next)) options.push(...SPACES, ...SYMBOLS);
    else if (isDigitChar(prev) && isDigitChar(next)) options.push(...SPACES);
    return fc.constantFrom(...options);
  });
  return fc.tuple(fc.tuple(...charForms), fc.tuple(...gapForms)).map(([cs, gaps]) =>
    cs.map((c, i) => (i === 0 ? c : gaps[i - 1] + c)).join(''),
  );
};

/** Insertion points that do not glue digits or latin letters together (4 + 16岁以下 reads 416岁以下). */
function insertionPoints(text: string, phrase: string): number[] {
  const points: number[] = [];
  let offset = 0;
  const chars = [...text];
  // Spaces between digits are dropped by the normaliser, so look past them.
  const neighbour = (i: number, step: number): string | undefined => {
    while (chars[i] !== undefined && /\s/.test(chars[i])) i += step;
    return chars[i];
  };
  for (let i = 0; i <= chars.length; i++) {
    if (!glues(neighbour(i - 1, -1), phrase[0]) && !glues(phrase[phrase.length - 1], neighbour(i, 1))) points.push(offset);
    offset += chars[i]?.length ?? 0;
  }
  return points;
}

/**
 * Whether the inserted phrase and the text around it read as one of the rule's lawful phrases, e.g.
 * 公司承担 + 服装费, 无需 + 押金, 出示 + 身份证原件, or falls under a negation (严禁 + 身份证原件交公司保管):
 * the insertion then no longer adds a BLOCK phrase.
 */
function fusesIntoException(posting: string, from: number, to: number, exceptions: readonly string[], negatable: boolean): boolean {
  const { text, originStart } = normalizeWithOrigin(posting);
  let start = -1;
  let end = -1;
  originStart.forEach((origin, i) => {
    if (origin >= from && origin < to) {
      if (start < 0) start = i;
      end = i + 1;
    }
  });
  // The rule's match may begin a few characters before the insertion, fused with the text's own last characters
  // (无需押 + 身份证… matches from 押): the negation then governs that longer match.
  if (negatable) for (let from = Math.max(0, start - 4); from <= start; from++) if (isNegated(text, from, end)) return true;
  if (!exceptions.length) return false;
  const exception = new RegExp(exceptions.join('|'), 'g');
  for (let m = exception.exec(text); m; exception.lastIndex = m.index + 1, m = exception.exec(text)) {
    const [s, e] = [m.index, m.index + m[0].length];
    if ((s < start && e > start) || (s < end && e > end)) return true;
  }
  return false;
}

describe('properties', () => {
  it('inserting a BLOCK phrase in any evasion form into a clean posting yields BLOCK or REVIEW', () => {
    const arbitrary = fc
      .tuple(fc.constantFrom(...CLEAN_TEXTS), fc.constantFrom(...BLOCK_PHRASES))
      .chain(([text, block]) =>
        fc.tuple(fc.constant(text), fc.constant(block), evasion(block.phrase), fc.constantFrom(...insertionPoints(text, block.phrase))),
      );
    fc.assert(
      fc.property(arbitrary, ([text, block, evaded, at]) => {
        const posting = text.slice(0, at) + evaded + text.slice(at);
        fc.pre(!fusesIntoException(posting, at, at + evaded.length, block.exceptions, block.negatable));
        const { verdict } = screenPosting({ description: posting });
        return verdict === 'BLOCK' || verdict === 'REVIEW';
      }),
      { numRuns: 5000 },
    );
  });

  it('inserting an allowed phrase as a clause into any posting never changes its verdict', () => {
    const arbitrary = fc.tuple(fc.constantFrom(...CORPUS), fc.constantFrom(...ALLOWED_PHRASES), fc.nat());
    fc.assert(
      fc.property(arbitrary, ([entry, phrase, seed]) => {
        const posting = postingOf(entry);
        const fields = Object.keys(posting);
        const field = fields[seed % fields.length];
        const text = posting[field] ?? '';
        // Clause boundaries: the start, and after each clause delimiter.
        const boundaries = [0, ...[...text.matchAll(/[，。；！？,;!?\n]/g)].map((m) => m.index + 1)];
        const at = boundaries[seed % boundaries.length];
        const withPhrase = { ...posting, [field]: `${text.slice(0, at)}${phrase}，${text.slice(at)}` };
        const before = screenPosting(posting, entry.context);
        const after = screenPosting(withPhrase, entry.context);
        const codes = (r: typeof before): string => [...new Set(r.findings.map((f) => f.ruleCode))].sort().join();
        return after.verdict === before.verdict && codes(after) === codes(before);
      }),
      { numRuns: 3000 },
    );
  });
});
