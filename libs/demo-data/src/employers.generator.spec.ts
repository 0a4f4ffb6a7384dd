import { isMobileNumber, isValidCreditCode } from '@app/identifiers';
import { Taxonomy } from '@app/taxonomy';
import { generateDataset } from './dataset';
import { isOnHainanIsland } from './geo';
import { KEY_PARKS } from './places';
import { Employer } from './types';

describe('employers (demo tier)', () => {
  const taxonomy = Taxonomy.shared();
  const employers: Employer[] = [...generateDataset({ seed: 20250101, tier: 'demo' }).employers()];

  it('have valid, unique unified social credit codes', () => {
    expect(new Set(employers.map((e) => e.creditCode)).size).toBe(employers.length);
    for (const e of employers) expect(isValidCreditCode(e.creditCode)).toBe(true);
  });

  it('keep credit codes unique at the M tier too', () => {
    const codes = new Set<string>();
    for (const e of generateDataset({ seed: 5, tier: 'M' }).employers()) codes.add(e.creditCode);
    expect(codes.size).toBe(3_000);
  });

  it('carry the registration type of their ownership in the code', () => {
    for (const e of employers) {
      const expected = { private: '91', soe: '91', public_institution: '12', social_organisation: '52', individual_business: '92' }[e.ownership];
      expect(e.creditCode.slice(0, 2)).toBe(expected);
      expect(e.creditCode.slice(2, 4)).toBe('46');
    }
  });

  it('are in industry classes that exist', () => {
    for (const e of employers) expect(taxonomy.industry(e.industryCode)?.level).toBe('class');
  });

  it('sit on the island, in parks near the park', () => {
    const counties = new Set(taxonomy.counties().map((c) => c.code));
    for (const e of employers) {
      expect(counties.has(e.regionCode)).toBe(true);
      expect(isOnHainanIsland(e.lat, e.lng)).toBe(true);
      if (e.park) expect(e.regionCode).toBe(KEY_PARKS.find((p) => p.key === e.park)!.regionCode);
    }
    expect(employers.some((e) => e.park !== null)).toBe(true);
  });

  it('have Chinese names, contacts and mobile numbers', () => {
    for (const e of employers) {
      expect(e.name).toMatch(/^[\u4e00-\u9fa5（）]{6,}$/);
      expect(e.contactName).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      expect(isMobileNumber(e.contactPhone)).toBe(true);
    }
    expect(new Set(employers.map((e) => e.name)).size).toBeGreaterThan(employers.length * 0.95);
  });

  it('never share a phone number with a seeker', () => {
    const seekerPhones = new Set([...generateDataset({ seed: 20250101, tier: 'demo' }).seekers()].map((s) => s.phone));
    for (const e of employers) expect(seekerPhones.has(e.contactPhone)).toBe(false);
    expect(new Set(employers.map((e) => e.contactPhone)).size).toBe(employers.length);
  });

  it('mix sizes and ownerships', () => {
    expect(new Set(employers.map((e) => e.sizeClass)).size).toBe(4);
    expect(new Set(employers.map((e) => e.ownership)).size).toBe(5);
  });
});
