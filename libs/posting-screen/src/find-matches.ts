import type { CompiledRule } from './compile-rules';
import { isTypedPinyinMatch, type PinyinStream } from './pinyin';

/** A span of the normalised text. */
export interface Span {
  start: number;
  end: number;
  /** For a match typed in pinyin, the Chinese phrase it stands for. */
  phrase?: string;
}

/** Every exception match, including ones that start inside another. */
function exceptionSpans(exception: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  exception.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = exception.exec(text))) {
    if (m[0].length) spans.push({ start: m.index, end: m.index + m[0].length });
    exception.lastIndex = m.index + 1;
  }
  return spans;
}

const isMasked = (spans: Span[], start: number, end: number): boolean =>
  spans.some((span) => span.start <= start && end <= span.end);

/** The longest match of any single pattern at `start` that no exception masks. */
function unmaskedMatchAt(rule: CompiledRule, text: string, start: number, masks: Span[]): Span | undefined {
  let best: Span | undefined;
  for (const sticky of rule.stickyPatterns) {
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (!m || !m[0].length) continue;
    const end = start + m[0].length;
    if (!isMasked(masks, start, end) && (!best || end > best.end)) best = { start, end };
  }
  return best;
}

/** Negation cues: 无, 免, 不收取, 不需要, 无需, 绝不… */
// 免费 (free of charge) describes what follows rather than denying it: 免费培训，培训费从工资扣 still charges.
const NEGATION_CUE = /不会?收取?|不会?再?需要?|无需|无须|不用|不要|不得|不存在|不涉及|绝不|从不|拒绝|杜绝|严禁|禁止|没有|免(?!费)收?|无(?!论|关|法|人)|零(?!售|食|件|星|工|部)/g;
/** What may stand between a cue and the word it negates: charging verbs, quantifiers, other items of a list. */
const NEGATION_FILLER = /^(?:任何|一切|其他|其它|额外|形式的?|名目的?|名义的?|的|先|再|收取?|交纳?|缴纳?|支付|存在|产生|费用|[\u4e00-\u9fff]{1,8}(?:[,、/和及与或]|\s))*$/;
/** A negation after the word: 押金全免, 押金:无. */
const NEGATION_AFTER = /^(?:[:：]\s*)?(?:全免|免收|免除|无|不收)/;
/** An amount right after the word asserts it is charged: 无需经验，押金200元. */
const AMOUNT_AFTER = /^\s*(?:为|是|:)?\s*\d+(?:\.\d+)?\s*(?:元|块|万)/;
/** A clause ends at these; a comma does not end the scope of a negation (不需要培训，押金). */
const CLAUSE_END = /[。;!?\n]/;
const NEGATION_WINDOW = 24;

/** Whether a negation in the same clause governs the match [start, end) (see `RuleDefinition.negatable`). */
export function isNegated(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 12);
  if (AMOUNT_AFTER.test(after)) return false;
  if (NEGATION_AFTER.test(after)) return true;
  let from = Math.max(0, start - NEGATION_WINDOW);
  for (let i = start - 1; i >= from; i--) {
    if (CLAUSE_END.test(text[i])) {
      from = i + 1;
      break;
    }
  }
  const before = text.slice(from, start);
  NEGATION_CUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NEGATION_CUE.exec(before))) {
    if (NEGATION_FILLER.test(before.slice(m.index + m[0].length))) return true;
  }
  return false;
}

/**
 * Matches of a rule's patterns in normalised text. A match wholly inside an exception span is
 * ignored (the exception masks only its own span), and the scan goes on from the next character.
 * A negatable rule's matches governed by a negation are dropped.
 */
export function findPatternMatches(rule: CompiledRule, text: string): Span[] {
  const found = findUnmaskedMatches(rule, text);
  return rule.rule.negatable ? found.filter((span) => !isNegated(text, span.start, span.end)) : found;
}

function findUnmaskedMatches(rule: CompiledRule, text: string): Span[] {
  const pattern = rule.pattern;
  if (!pattern) return [];
  const found: Span[] = [];
  let masks: Span[] | undefined;
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    if (end === start) {
      pattern.lastIndex = start + 1;
      continue;
    }
    masks ??= rule.exception ? exceptionSpans(rule.exception, text) : [];
    const span = isMasked(masks, start, end) ? unmaskedMatchAt(rule, text, start, masks) : { start, end };
    if (span) {
      found.push(span);
      pattern.lastIndex = span.end;
    } else {
      pattern.lastIndex = start + 1;
    }
  }
  return found;
}

/** Matches of a rule's pinyin keys that cover a latin letter the user typed, as normalised spans. */
export function findPinyinMatches(rule: CompiledRule, stream: PinyinStream): Span[] {
  const keys = rule.pinyin;
  if (!keys) return [];
  const found: Span[] = [];
  keys.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = keys.exec(stream.text))) {
    const start = m.index;
    const end = start + m[0].length;
    if (isTypedPinyinMatch(stream, start, end)) {
      found.push({
        start: stream.origin[start],
        end: stream.origin[end - 1] + stream.originLength[end - 1],
        phrase: rule.phraseOfKey.get(m[0]),
      });
    } else {
      keys.lastIndex = start + 1;
    }
  }
  return found;
}
