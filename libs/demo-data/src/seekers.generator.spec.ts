import { findPersonalIdentifiers, isMobileNumber, isValidResidentId, parseResidentId } from '@app/identifiers';
import { Taxonomy } from '@app/taxonomy';
import { generateDataset } from './dataset';
import { isOnHainanIsland } from './geo';
import { EDUCATION_LEVELS, Seeker } from './types';

describe('seekers (demo tier)', () => {
  const taxonomy = Taxonomy.shared();
  const seekers: Seeker[] = [...generateDataset({ seed: 20250101, tier: 'demo' }).seekers()];
  const counties = new Set(taxonomy.counties().map((c) => c.code));

  it('have valid, unique ID numbers from Hainan that agree with gender and birth date', () => {
    expect(new Set(seekers.map((s) => s.residentId)).size).toBe(seekers.length);
    for (const s of seekers) {
      expect(isValidResidentId(s.residentId)).toBe(true);
      const parsed = parseResidentId(s.residentId)!;
      expect(parsed.regionCode.startsWith('46')).toBe(true);
      expect(parsed.gender).toBe(s.gender);
      expect(parsed.birthDate).toBe(s.birthDate);
    }
  });

  it('are 16 to 60 years old on the reference date', () => {
    for (const s of seekers) expect(s.birthDate >= '1965-07-01' && s.birthDate <= '2009-07-01').toBe(true);
  });

  it('have valid, unique mobile numbers', () => {
    expect(new Set(seekers.map((s) => s.phone)).size).toBe(seekers.length);
    for (const s of seekers) expect(isMobileNumber(s.phone)).toBe(true);
  });

  it('live on Hainan Island in a county-level unit', () => {
    for (const s of seekers) {
      expect(counties.has(s.regionCode)).toBe(true);
      expect(isOnHainanIsland(s.lat, s.lng)).toBe(true);
      expect(s.address.startsWith('海南省')).toBe(true);
    }
  });

  it('are spread by population: 海口 largest, then 三亚 and 儋州 ahead of small counties', () => {
    const share = (code: string) => seekers.filter((s) => s.regionCode === code).length / seekers.length;
    expect(share('460100')).toBeGreaterThan(0.2);
    expect(share('460100')).toBeGreaterThan(share('460200'));
    expect(share('460200')).toBeGreaterThan(share('469029'));
    expect(share('460400')).toBeGreaterThan(share('469001'));
  });

  it('want detailed occupations that exist, mostly those the plan names', () => {
    for (const s of seekers) {
      expect(s.desiredOccupations.length).toBeGreaterThanOrEqual(1);
      for (const code of s.desiredOccupations) expect(taxonomy.occupation(code)?.level).toBe(4);
      for (const e of s.experience) expect(taxonomy.occupation(e.occupationCode)?.level).toBe(4);
    }
    const elderlyCare = seekers.filter((s) => s.desiredOccupations[0] === '4-10-01-05').length;
    const distinct = new Set(seekers.map((s) => s.desiredOccupations[0])).size;
    expect(elderlyCare / seekers.length).toBeGreaterThan(0.03);
    expect(distinct).toBeGreaterThan(100);
  });

  it('have 3 to 8 skills at levels 1 to 5, a skill level and an education', () => {
    for (const s of seekers) {
      expect(s.skills.length).toBeGreaterThanOrEqual(3);
      expect(s.skills.length).toBeLessThanOrEqual(8);
      expect(new Set(s.skills.map((k) => k.name)).size).toBe(s.skills.length);
      for (const k of s.skills) expect(k.level >= 1 && k.level <= 5).toBe(true);
      expect(s.skillLevel >= 1 && s.skillLevel <= 5).toBe(true);
      expect(EDUCATION_LEVELS).toContain(s.education);
    }
  });

  it('hold only certificates that exist and fit a wanted occupation', () => {
    let holders = 0;
    for (const s of seekers) {
      if (s.certificates.length) holders++;
      for (const c of s.certificates) {
        const certificate = taxonomy.certificate(c.code);
        expect(certificate).toBeDefined();
        if (certificate!.occupationCode) expect(s.desiredOccupations).toContain(certificate!.occupationCode);
        expect(c.issuedOn <= '2025-07-01').toBe(true);
      }
    }
    expect(holders).toBeGreaterThan(seekers.length * 0.05);
  });

  it('expect realistic wages', () => {
    const wages = seekers.map((s) => s.wageExpectation).sort((a, b) => a - b);
    expect(wages[0]).toBeGreaterThanOrEqual(2500);
    expect(wages[wages.length - 1]).toBeLessThanOrEqual(12000);
    const median = wages[wages.length >> 1];
    expect(median).toBeGreaterThan(3500);
    expect(median).toBeLessThan(7000);
  });

  it('have priority groups on 5-20% of them, each with evidence', () => {
    const flagged = seekers.filter((s) => s.priorityGroups.length > 0);
    expect(flagged.length / seekers.length).toBeGreaterThanOrEqual(0.05);
    expect(flagged.length / seekers.length).toBeLessThanOrEqual(0.2);
    for (const s of flagged) for (const g of s.priorityGroups) expect(g.evidence.length).toBeGreaterThan(4);
  });

  it('make graduates young, tertiary-educated and recent, with a school', () => {
    const graduates = seekers.filter((s) => s.priorityGroups.some((g) => g.group === 'college_graduate'));
    expect(graduates.length).toBeGreaterThan(0);
    for (const s of graduates) {
      const g = s.priorityGroups.find((p) => p.group === 'college_graduate')!;
      expect(['college', 'bachelor', 'master']).toContain(s.education);
      expect(g.school).toBeTruthy();
      expect(g.graduationDate! <= '2025-07-01' && g.graduationDate! >= '2023-07-01').toBe(true);
      expect(Number(s.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(1999);
    }
  });

  it('put personal identifiers only in residentId and phone', () => {
    for (const s of seekers.slice(0, 500)) {
      const { residentId, phone, ...rest } = s;
      expect(findPersonalIdentifiers(JSON.stringify(rest))).toEqual([]);
      expect(findPersonalIdentifiers(JSON.stringify(s)).sort()).toEqual([residentId, phone].sort());
    }
  });
});
