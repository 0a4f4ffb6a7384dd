// Builds aliases.csv (alias,code,source) from the 2022 occupation names, name variants derived from them and the
// hand-written curated-aliases.txt. Run: node libs/taxonomy/data/titles/build-aliases.mjs. Never reads the
// evaluation set (../eval/). Lines whose code is not a detailed 2022 occupation in the shipped data are reported
// and left out.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const data = JSON.parse(readFileSync(join(here, '../occupations/occupations-2022.json'), 'utf8'));
const detailed = new Map();
(function walk(node) {
  if (Array.isArray(node)) return node.forEach(walk);
  if (!node || typeof node !== 'object') return;
  if (typeof node.code === 'string' && /^\d-\d\d-\d\d-\d\d$/.test(node.code) && node.name) detailed.set(node.code, node.name);
  Object.values(node).forEach(walk);
})(data);

const rows = new Map();
const add = (alias, code, source) => {
  const key = alias.trim().toLowerCase();
  if (key.length < 2 && !/^[a-z]$/.test(key)) return;
  const id = `${key}\u0000${code}`;
  if (!rows.has(id)) rows.set(id, { alias: key, code, source });
};

for (const [code, name] of detailed) {
  add(name, code, 'occupations-2022');
  if (/[、和及与]/.test(name)) continue;
  const variants = [];
  if (name.endsWith('工程技术人员')) variants.push(name.replace(/工程技术人员$/, '工程师'), name.replace(/工程技术人员$/, '技术员'));
  else if (name.endsWith('专业人员')) variants.push(name.replace(/专业人员$/, ''), name.replace(/专业人员$/, '专员'));
  else if (name.endsWith('技术人员')) variants.push(name.replace(/技术人员$/, '技术员'));
  else if (name.endsWith('人员') && name.length > 4) variants.push(name.replace(/人员$/, ''));
  if (name.endsWith('工') && name.length >= 4) variants.push(`${name}人`);
  if (name.endsWith('员') && name.length >= 4) variants.push(name.replace(/员$/, '工'));
  for (const variant of variants) if (variant.length >= 2 && variant !== name) add(variant, code, 'derived-from-2022-name');
}

const unknown = [];
for (const line of readFileSync(join(here, 'curated-aliases.txt'), 'utf8').split('\n')) {
  const match = /^(\d-\d\d-\d\d-\d\d):\s*(.+)$/.exec(line.trim());
  if (!match) continue;
  const [, code, list] = match;
  if (!detailed.has(code)) {
    unknown.push(code);
    continue;
  }
  for (const alias of list.split(/,\s*/)) if (alias.trim()) add(alias, code, 'curated');
}
if (unknown.length) console.error(`unknown codes left out: ${unknown.join(' ')}`);
const sorted = [...rows.values()].sort((a, b) => a.code.localeCompare(b.code) || a.alias.localeCompare(b.alias));
writeFileSync(join(here, 'aliases.csv'), ['alias,code,source', ...sorted.map((r) => `${r.alias},${r.code},${r.source}`)].join('\n') + '\n');
const bySource = {};
for (const r of sorted) bySource[r.source] = (bySource[r.source] ?? 0) + 1;
console.log(`aliases ${sorted.length} (distinct alias strings ${new Set(sorted.map((r) => r.alias)).size})`, bySource);
