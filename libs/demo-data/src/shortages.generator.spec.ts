import { findPersonalIdentifiers } from '@app/identifiers';
import { Taxonomy } from '@app/taxonomy';
import { SECTORS } from './catalog/sectors';
import { generateDataset } from './dataset';
import { isOnHainanIsland } from './geo';
import { Shortage } from './types';

/** Phrases the posting screen blocks or warns about (docs/posting-screen.md); generated postings must be clean. */
const SCREENED = [
  '限男', '男性优先', '女性优先', '限女', '已婚已育', '未婚', '孕检', '汉族', '户口', '户籍', '乙肝', '四肢健全', '岁以下', '周岁以内',
  '985', '211', '形象气质', '五官端正', '押金', '保证金', '报名费', '服装费', '体检费', '培训费', '扣押', '先培训后上岗', '培训贷',
  '保录', '包过', '刷单', '海外高薪', '加微信', '扫码', '月入过万', '日赚', '轻松高薪',
];
const DIRECTIONS = ['advanced_manufacturing', 'consumption', 'major_projects', 'livelihood', 'grassroots', 'private_sme', 'public_soe'];

describe('shortages (demo tier)', () => {
  const taxonomy = Taxonomy.shared();
  const ds = generateDataset({ seed: 20250101, tier: 'demo' });
  const shortages: Shortage[] = [...ds.shortages()];
  const employers = new Map([...ds.employers()].map((e) => [e.key, e]));
  const hired = new Set(SECTORS.flatMap((s) => s.hires.map(([code]) => code)));

  it('reference existing employers and share their industry', () => {
    for (const s of shortages) {
      const employer = employers.get(s.employerKey);
      expect(employer).toBeDefined();
      expect(s.industryCode).toBe(employer!.industryCode);
    }
    expect(new Set(shortages.map((s) => s.employerKey)).size).toBeGreaterThan(100);
  });

  it('ask for detailed occupations that employers of the kind hire', () => {
    for (const s of shortages) {
      expect(taxonomy.occupation(s.occupationCode)?.level).toBe(4);
      expect(hired.has(s.occupationCode)).toBe(true);
    }
  });

  it('have a skewed headcount of 1-20 with a small median', () => {
    const counts = shortages.map((s) => s.headcount).sort((a, b) => a - b);
    expect(counts[0]).toBeGreaterThanOrEqual(1);
    expect(counts[counts.length - 1]).toBeLessThanOrEqual(20);
    const median = counts[counts.length >> 1];
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(median).toBeLessThanOrEqual(5);
    expect(mean).toBeGreaterThan(median);
    expect(counts.filter((c) => c === 1).length).toBeGreaterThan(counts.filter((c) => c === 19).length * 3);
  });

  it('have consistent requirements, wages and dates', () => {
    for (const s of shortages) {
      expect(s.requiredSkills.length).toBeGreaterThanOrEqual(2);
      const names = [...s.requiredSkills, ...s.preferredSkills].map((k) => k.name);
      expect(new Set(names).size).toBe(names.length);
      for (const code of s.requiredCertificates) expect(taxonomy.certificate(code)).toBeDefined();
      expect(s.minSkillLevel >= 1 && s.minSkillLevel <= 5).toBe(true);
      expect(s.wageMin).toBeGreaterThanOrEqual(2500);
      expect(s.wageMax).toBeGreaterThan(s.wageMin);
      expect(s.startDate >= '2025-07-01').toBe(true);
      expect(s.startDate <= s.deadline).toBe(true);
      expect(s.deadline > '2025-07-01').toBe(true);
      expect(DIRECTIONS).toContain(s.policyDirection);
    }
    expect(new Set(shortages.map((s) => s.policyDirection)).size).toBeGreaterThanOrEqual(6);
  });

  it('sit on the island, near the employer unless at a project site', () => {
    for (const s of shortages) expect(isOnHainanIsland(s.lat, s.lng)).toBe(true);
  });

  it('read like clean postings: no screened phrases, no personal identifiers', () => {
    for (const s of shortages) {
      expect(s.description).toContain(taxonomy.occupation(s.occupationCode)!.name);
      for (const phrase of SCREENED) expect([s.key, phrase, s.description.includes(phrase)]).toEqual([s.key, phrase, false]);
      expect(findPersonalIdentifiers(JSON.stringify(s))).toEqual([]);
    }
  });
});
