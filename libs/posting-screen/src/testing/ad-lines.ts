import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ScreenResult, ScreenVerdict } from '../types';

/** How a real ad line is labelled in `data/corpus/ad-lines.csv` (see the README there). */
export type AdLineLabel = 'discriminatory' | 'fraudulent' | 'warning' | 'lawful';
export type AdLineSplit = 'dev' | 'heldout';

export interface AdLine {
  id: string;
  split: AdLineSplit;
  label: AdLineLabel;
  /** Sub-kind: gender, appearance, origin…; for lawful lines `denial`, `sensitive-mention` or `plain`. */
  kind: string;
  text: string;
  postingUrl: string;
  source: string;
  licence: string;
}

export const AD_LINES_CSV = join('libs', 'posting-screen', 'data', 'corpus', 'ad-lines.csv');

/** The file under the repository root, found from here upwards (sources and the built bench both work). */
function findRepoFile(relative: string): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${relative} not found above ${__dirname}`);
  }
}

/** RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

export function loadAdLines(): AdLine[] {
  const [header, ...rows] = parseCsv(readFileSync(findRepoFile(AD_LINES_CSV), 'utf8'));
  const at = (name: string): number => header.indexOf(name);
  return rows.map((r) => ({
    id: r[at('id')],
    split: r[at('split')] as AdLineSplit,
    label: r[at('label')] as AdLineLabel,
    kind: r[at('kind')],
    text: r[at('text')],
    postingUrl: r[at('posting_url')],
    source: r[at('source')],
    licence: r[at('licence')],
  }));
}

/** Held for an officer or refused: what the issue counts as "caught" and, on lawful lines, as a false positive. */
export const isHeld = (verdict: ScreenVerdict): boolean => verdict === 'REVIEW' || verdict === 'BLOCK';

const FRAUD_RULES = new Set(['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F8', 'F9', 'F10', 'F11', 'F12']);

/** The category the screen's result stands for: held by a fraud rule, held otherwise, warned, or passed. */
export function predictedLabel(result: ScreenResult): AdLineLabel {
  if (!isHeld(result.verdict)) return result.verdict === 'WARN' ? 'warning' : 'lawful';
  const held = result.findings.filter((f) => isHeld(f.verdict));
  return held.some((f) => !FRAUD_RULES.has(f.ruleCode)) ? 'discriminatory' : 'fraudulent';
}

export interface CategoryFigures {
  label: AdLineLabel;
  support: number;
  /** Share of the category's lines the screen treats as the issue asks: held (discriminatory, fraudulent), at least warned (warning), passed or warned (lawful). */
  recall: number;
  /** Of the lines the screen puts in this category, the share labelled so. */
  precision: number;
}

export interface AdLineFigures {
  split: AdLineSplit | 'all';
  lines: number;
  categories: CategoryFigures[];
  /** Discriminatory and fraudulent lines held (REVIEW or BLOCK). */
  heldRecall: number;
  /** Warning lines given at least WARN. */
  warningRecall: number;
  /** Lawful lines held (REVIEW or BLOCK). */
  lawfulFalsePositiveRate: number;
  /** Lawful lines that only deny a condition (fees not charged, no gender limit…), and how many of them were blocked. */
  denialLines: number;
  denialBlocked: number;
  misses: { id: string; label: AdLineLabel; kind: string; verdict: ScreenVerdict; text: string }[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Screens every line on its own (as a posting's description) and compares with the labels. */
export function evaluateAdLines(
  lines: readonly AdLine[],
  screen: (text: string) => ScreenResult,
  split: AdLineSplit | 'all' = 'all',
): AdLineFigures {
  const chosen = split === 'all' ? lines : lines.filter((l) => l.split === split);
  const scored = chosen.map((line) => ({ line, result: screen(line.text) }));
  const labels: AdLineLabel[] = ['discriminatory', 'fraudulent', 'warning', 'lawful'];
  const categories = labels.map((label) => {
    const mine = scored.filter((s) => s.line.label === label);
    const ok = mine.filter(({ result }) =>
      label === 'warning' ? result.verdict !== 'PASS' : label === 'lawful' ? !isHeld(result.verdict) : isHeld(result.verdict),
    );
    const predicted = scored.filter((s) => predictedLabel(s.result) === label);
    return {
      label,
      support: mine.length,
      recall: ratio(ok.length, mine.length),
      precision: ratio(predicted.filter((s) => s.line.label === label).length, predicted.length),
    };
  });
  const harmful = scored.filter((s) => s.line.label === 'discriminatory' || s.line.label === 'fraudulent');
  const warnings = scored.filter((s) => s.line.label === 'warning');
  const lawful = scored.filter((s) => s.line.label === 'lawful');
  const denial = lawful.filter((s) => s.line.kind === 'denial');
  const misses = scored
    .filter(({ line, result }) => {
      if (line.label === 'lawful') return isHeld(result.verdict);
      if (line.label === 'warning') return result.verdict === 'PASS';
      return !isHeld(result.verdict);
    })
    .map(({ line, result }) => ({ id: line.id, label: line.label, kind: line.kind, verdict: result.verdict, text: line.text }));
  return {
    split,
    lines: scored.length,
    categories,
    heldRecall: ratio(harmful.filter((s) => isHeld(s.result.verdict)).length, harmful.length),
    warningRecall: ratio(warnings.filter((s) => s.result.verdict !== 'PASS').length, warnings.length),
    lawfulFalsePositiveRate: ratio(lawful.filter((s) => isHeld(s.result.verdict)).length, lawful.length),
    denialLines: denial.length,
    denialBlocked: denial.filter((s) => s.result.verdict === 'BLOCK').length,
    misses,
  };
}
