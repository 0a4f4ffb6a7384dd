import { EVAL_COLUMNS, EVAL_SET_FILE, findRepoFile, loadEvalSet, parseCsv, readCsvFile, readDivisions, TOWNSHIPS_FILE } from '../../bench/geocoding-eval-set';
import { readFileSync } from 'node:fs';

/** The county-level units an address can be labelled with (儋州 has no districts, so 460400 itself). */
const COUNTY_KINDS = ['district', 'county', 'county_level_city', 'autonomous_county', 'prefecture_city (no districts)'];
/** 海口 and 三亚 themselves: the label of an address that names only the city (any of its districts counts). */
/** The kinds of source the README describes (one licence paragraph each); a new kind needs its README section. */
const SOURCE_KINDS = ['enterprise-registration', 'residential-compound', 'university'];
const CITY_LEVEL = new Map([
  ['460100', '海口市'],
  ['460200', '三亚市'],
]);

describe('labelled Hainan address set (libs/geocoding/data/eval)', () => {
  const rows = loadEvalSet();
  const divisions = readDivisions();
  const townships = readCsvFile(TOWNSHIPS_FILE);
  const counties = new Map(divisions.filter((d) => COUNTY_KINDS.includes(d.kind)).map((d) => [d.code, d.name]));
  for (const [code, name] of CITY_LEVEL) expect(divisions.find((d) => d.code === code)?.name).toBe(name);
  const townshipByCode = new Map(townships.map((t) => [t.code, t]));

  it('has the agreed columns and at least 300 rows', () => {
    const header = readFileSync(findRepoFile(EVAL_SET_FILE), 'utf8').split(/\r?\n/)[0];
    expect(header.split(',')).toEqual([...EVAL_COLUMNS]);
    expect(rows.length).toBeGreaterThanOrEqual(300);
  });

  it('has unique ids and no address twice', () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const seen = new Map<string, string>();
    const duplicates = rows.filter((r) => {
      const key = r.address.trim();
      if (seen.has(key)) return true;
      seen.set(key, r.id);
      return false;
    });
    expect(duplicates.map((r) => `${r.id} ${r.address}`)).toEqual([]);
  });

  it('labels every row with a county-level unit of the reference list, by code and name', () => {
    const bad = rows.filter((r) => (counties.get(r.countyCode) ?? CITY_LEVEL.get(r.countyCode)) !== r.countyName);
    expect(bad.map((r) => `${r.id} ${r.countyCode} ${r.countyName}`)).toEqual([]);
  });

  it('keeps city-level labels (海口/三亚 named without a district) rare, without a township, and says so', () => {
    const cityLevel = rows.filter((r) => CITY_LEVEL.has(r.countyCode));
    expect(cityLevel.filter((r) => r.townshipCode || !r.note.includes('city level')).map((r) => r.id)).toEqual([]);
    expect(cityLevel.length).toBeLessThanOrEqual(rows.length * 0.15);
  });

  it('covers every county-level unit of Hainan Island (三沙 excepted)', () => {
    const covered = new Set(rows.map((r) => r.countyCode));
    const missing = [...counties.keys()].filter((code) => !code.startsWith('4603') && !covered.has(code));
    expect(missing).toEqual([]);
  });

  it('labels townships with NBS 2023 codes that belong to the row county', () => {
    const bad = rows.filter((r) => {
      if (!r.townshipCode) return r.townshipName !== null;
      const township = townshipByCode.get(r.townshipCode);
      return !township || township.name !== r.townshipName || township.county_code !== r.countyCode;
    });
    expect(bad.map((r) => `${r.id} ${r.townshipCode} ${r.townshipName} (county ${r.countyCode})`)).toEqual([]);
  });

  it('gives every row its source and a known source kind, and an address text', () => {
    const bad = rows.filter((r) => !r.address.trim() || !/^(https?:\/\/|github:)/.test(r.source) || !r.sourceKind.trim());
    expect(bad.map((r) => r.id)).toEqual([]);
  });

  it('uses only the source kinds the README describes, each source a GitHub file at a fixed commit or a URL', () => {
    expect([...new Set(rows.map((r) => r.sourceKind))].filter((kind) => !SOURCE_KINDS.includes(kind))).toEqual([]);
    const readme = readFileSync(findRepoFile(EVAL_SET_FILE.replace(/hainan-addresses\.csv$/, 'README.md')), 'utf8');
    expect(SOURCE_KINDS.filter((kind) => !readme.includes(`\`${kind}\``))).toEqual([]);
    const pinned = /^(github:[\w.-]+\/[\w.-]+@[0-9a-f]{40}:[^#]+#L\d+|https?:\/\/\S+)$/;
    expect(rows.filter((r) => !pinned.test(r.source)).map((r) => r.id)).toEqual([]);
  });

  it('keeps most rows in the scores and marks uncertain ones with a reason', () => {
    const uncertain = rows.filter((r) => r.uncertain);
    expect(uncertain.filter((r) => !r.note.trim()).map((r) => r.id)).toEqual([]);
    expect(rows.length - uncertain.length).toBeGreaterThanOrEqual(300);
  });

  it('parses quoted CSV fields with commas and quotes', () => {
    expect(parseCsv('a,b\n"x, ""y""",z\n')).toEqual([{ a: 'x, "y"', b: 'z' }]);
  });
});
