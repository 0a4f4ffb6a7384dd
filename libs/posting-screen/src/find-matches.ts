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

/**
 * Matches of a rule's patterns in normalised text. A match wholly inside an exception span is
 * ignored (the exception masks only its own span), and the scan goes on from the next character.
 */
export function findPatternMatches(rule: CompiledRule, text: string): Span[] {
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
