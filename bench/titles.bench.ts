import { TitleNormalizer } from '@app/taxonomy';
import { readCsvFile } from './geocoding-eval-set';

/** The labelled title set (libs/taxonomy/data/eval/README.md says how it was collected and labelled). */
export const TITLE_EVAL_FILE = 'libs/taxonomy/data/eval/job-titles.csv';

export interface EvalTitle {
  id: string;
  title: string;
  /** a 2022 detailed occupation code, or 'generic' */
  label: string;
  /** other codes that are also correct for the title */
  alternatives: string[];
  split: 'dev' | 'test';
}

export function loadTitleEvalSet(): EvalTitle[] {
  return readCsvFile(TITLE_EVAL_FILE).map((row) => ({
    id: row.id,
    title: row.title,
    label: row.label,
    alternatives: row.alt_labels ? row.alt_labels.split(' ') : [],
    split: row.split as 'dev' | 'test',
  }));
}

export interface TitleEvalFigures {
  rows: number;
  occupationRows: number;
  genericRows: number;
  /** share of occupation rows whose first suggestion is correct */
  top1: number;
  /** share of occupation rows with a correct code among the first three */
  top3: number;
  /** share of occupation rows that got any suggestion */
  coverage: number;
  /** share of generic rows left without a suggestion */
  genericAbstention: number;
  /** share of occupation rows whose first suggestion is wrong (a wrong code offered) */
  wrongTop1: number;
  p50_ms: number;
  p95_ms: number;
  misses: { id: string; title: string; label: string; got: string }[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Scores the normalizer: top-1 and top-3 accept the label or any alternative; latency is per title, in process. */
export function scoreTitles(normalizer: TitleNormalizer, set: EvalTitle[]): TitleEvalFigures {
  let top1 = 0, top3 = 0, covered = 0, wrong = 0, abstained = 0;
  const times: number[] = [];
  const misses: TitleEvalFigures['misses'] = [];
  for (const row of set) {
    // per title, the median of three timed calls: one noisy neighbour on the shared machine is not the normalizer
    const runs: number[] = [];
    let suggestions: ReturnType<TitleNormalizer['normalize']>['suggestions'] = [];
    for (let run = 0; run < 3; run++) {
      const started = process.hrtime.bigint();
      suggestions = normalizer.normalize(row.title).suggestions;
      runs.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    times.push(runs.sort((a, b) => a - b)[1]);
    const codes = suggestions.map((s) => s.code);
    if (row.label === 'generic') {
      if (codes.length === 0) abstained++;
      else misses.push({ id: row.id, title: row.title, label: row.label, got: codes[0] });
      continue;
    }
    const accepted = new Set([row.label, ...row.alternatives]);
    if (codes.length) covered++;
    if (codes.length && accepted.has(codes[0])) top1++;
    else {
      if (codes.length) wrong++;
      misses.push({ id: row.id, title: row.title, label: row.label, got: codes[0] ?? '-' });
    }
    if (codes.slice(0, 3).some((code) => accepted.has(code))) top3++;
  }
  const occupationRows = set.filter((row) => row.label !== 'generic').length;
  const genericRows = set.length - occupationRows;
  times.sort((a, b) => a - b);
  const share = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : 0);
  return {
    rows: set.length,
    occupationRows,
    genericRows,
    top1: share(top1, occupationRows),
    top3: share(top3, occupationRows),
    coverage: share(covered, occupationRows),
    genericAbstention: share(abstained, genericRows),
    wrongTop1: share(wrong, occupationRows),
    p50_ms: Math.round(percentile(times, 0.5) * 1000) / 1000,
    p95_ms: Math.round(percentile(times, 0.95) * 1000) / 1000,
    misses,
  };
}

/** Q-TITLE: the title normalizer on the labelled real titles, per split and overall (misses on stderr). */
export function benchTitles(): void {
  const normalizer = TitleNormalizer.shared();
  const set = loadTitleEvalSet();
  normalizer.normalize('cs'); // builds the pinyin index (done once, on the first Latin title), outside the timed titles
  for (const split of ['dev', 'test', 'all'] as const) {
    const rows = split === 'all' ? set : set.filter((row) => row.split === split);
    const { misses, ...figures } = scoreTitles(normalizer, rows);
    console.log(JSON.stringify({ id: 'TITLES', split, ...figures, misses: misses.length }));
    if (split === 'test') for (const miss of misses) console.error(JSON.stringify(miss));
  }
}
