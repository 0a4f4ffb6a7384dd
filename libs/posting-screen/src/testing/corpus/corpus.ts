import type { PostingText, RuleCode, ScreenContext, ScreenVerdict } from '../../types';
import clean from './clean.json';
import context from './context.json';
import discrimination from './discrimination.json';
import fraud from './fraud.json';
import v2 from './v2.json';

/** One labelled posting: the rule codes it must trigger (none for a clean posting). */
export interface CorpusEntry {
  id: string;
  text?: string;
  fields?: Record<string, string>;
  context?: ScreenContext;
  expect: RuleCode[];
  /** Expected overall verdict, where the entry tests a context modifier. */
  verdict?: ScreenVerdict;
  note?: string;
}

export const CORPUS: readonly CorpusEntry[] = [...discrimination, ...fraud, ...clean, ...context, ...v2] as CorpusEntry[];

export function postingOf(entry: CorpusEntry): PostingText {
  return entry.fields ?? { description: entry.text ?? '' };
}
