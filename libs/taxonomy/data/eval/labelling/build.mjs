// Builds ../job-titles.csv from the raw titles extracted from the two source repositories (../README.md) and the
// hand-written rules in ./rules.mjs. Run: node libs/taxonomy/data/eval/labelling/build.mjs <1dagong.tsv> <51job.csv>
// (the raw inputs are not committed; README.md says how to extract them). Prints codes that are not in the 2022 data.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from './rules.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const occupations = JSON.parse(readFileSync(join(here, '../../occupations/occupations-2022.json'), 'utf8'));
const known = new Set(collectCodes(occupations));
function collectCodes(node) {
  if (Array.isArray(node)) return node.flatMap(collectCodes);
  if (node && typeof node === 'object') return [...(node.code ? [node.code] : []), ...Object.values(node).flatMap(collectCodes)];
  return [];
}

const SOURCES = {
  dagong: { repo: 'fengmeifeng/74cms_1dagong', commit: 'e08805365dbf05970d197f16d28fa2206f553a8f' },
  job51: { repo: 'isixe/JobSpider', commit: '23a64192332f328c27f9935fd9d3fffdde66875e', path: 'output/job/51job.csv' },
};

/** Strips what every posting adds around the job: bracketed notes, pay and perks, counts. Keeps the words. */
function clean(title) {
  const spaced = title.trim().split(/\s+/);
  if (spaced.length > 1 && spaced.every((part) => part.length === 1)) title = spaced.join('');
  return title
    .replace(/&amp;/g, '&')
    .replace(/[（(【[][^）)】\]]*[）)】\]]/g, '')
    .replace(/[（(【[].*$/, '')
    .replace(/(?<![+A-Za-z])[+＋].*$/, '')
    .replace(/(工作地点|地点)[:：].*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function label(text) {
  for (const [pattern, code, alt] of RULES) if (pattern.test(text)) return { code, alt: alt ?? [] };
  return null;
}

function labelTitle(raw) {
  const text = clean(raw);
  if (!text) return { status: 'junk' };
  const parts = text.split(/[/、，,；;]|\s{1,}/).map((p) => p.trim()).filter(Boolean);
  const whole = label(text);
  if (whole?.code === 'junk') return { status: 'junk' };
  if (parts.length > 1) {
    const labels = parts.map(label);
    const real = labels.filter((l) => l && l.code !== 'junk' && l.code !== 'generic');
    const codes = new Set(real.map((l) => l.code));
    if (labels.some((l) => !l)) return whole ? { status: 'ok', ...whole } : { status: 'unlabelled' };
    if (codes.size > 1) return { status: 'multi' };
    if (codes.size === 1) return { status: 'ok', ...real[0] };
    return { status: 'ok', code: 'generic', alt: [] };
  }
  return whole ? { status: 'ok', ...whole } : { status: 'unlabelled' };
}

const rows = [];
const seen = new Set();
const report = { junk: [], multi: [], unlabelled: [] };
function add(raw, source, path) {
  const title = raw.replace(/\s+/g, ' ').trim();
  if (!title || seen.has(title)) return;
  seen.add(title);
  const result = labelTitle(title);
  if (result.status !== 'ok') {
    report[result.status].push(title);
    return;
  }
  for (const code of [result.code, ...result.alt]) {
    if (code !== 'generic' && !known.has(code)) console.error(`unknown code ${code} for ${title}`);
  }
  rows.push({ title, label: result.code, alt: result.alt.join(' '), source, path });
}

const [dagongFile, job51File] = process.argv.slice(2);
for (const line of readFileSync(dagongFile, 'utf8').split('\n')) {
  const [title, path] = line.split('\t');
  if (title && path) add(title, 'dagong', path);
}
// 51job: IT postings; every 8th distinct title in file order keeps the set from being mostly software titles.
const job51Titles = [];
for (const line of readFileSync(job51File, 'utf8').split('\n').slice(1)) {
  const title = line.split(',')[0]?.replace(/^"|"$/g, '').trim();
  if (title && !job51Titles.includes(title)) job51Titles.push(title);
}
job51Titles.forEach((title, index) => {
  if (index % 8 === 0 && /[\u4e00-\u9fff]/.test(title)) add(title, 'job51', SOURCES.job51.path);
});

/** Dev split (threshold calibration): a stable 30% by hash of the title; the rest is the held-out test split. */
function split(title) {
  return createHash('sha1').update(title).digest()[0] < 77 ? 'dev' : 'test';
}
const csvCell = (value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const header = 'id,title,label,alt_labels,split,source_repo,source_path,source_commit';
const lines = rows.map((row, index) => {
  const source = SOURCES[row.source];
  return [
    `T${String(index + 1).padStart(4, '0')}`, row.title, row.label, row.alt, split(row.title),
    source.repo, row.path, source.commit,
  ].map(csvCell).join(',');
});
writeFileSync(join(here, '../job-titles.csv'), [header, ...lines].join('\n') + '\n');
writeFileSync(join(here, 'excluded.txt'), Object.entries(report).map(([k, v]) => `## ${k} (${v.length})\n${v.join('\n')}`).join('\n\n') + '\n');
const generic = rows.filter((r) => r.label === 'generic').length;
console.log(`rows ${rows.length}, generic ${generic}, junk ${report.junk.length}, multi ${report.multi.length}, unlabelled ${report.unlabelled.length}`);
