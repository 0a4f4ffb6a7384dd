import fc from 'fast-check';
import { generateDataset } from '@app/demo-data';
import { seekerFactsFromDemo, shortageFactsFromDemo } from './demo-facts';
import { explainMatch, scoreMatch } from './scoring';
import { fixtureSeeker, fixtureShortage } from './test-fixtures';
import { SeekerFacts, ShortageFacts } from '../core/types';
import { DEFAULT_MATCH_WEIGHTS, FACTORS } from '../core/weights';

const names = { certificate: (code: string) => ({ 'SPO-1.1': '电工证', 'SPO-3.1': '高处作业证' })[code] };

describe('scoreMatch / explainMatch', () => {
  const dataset = generateDataset({ seed: 5, tier: 'S' });
  const seekers = [...dataset.seekers(0, 300)].map(seekerFactsFromDemo);
  const shortages = [...dataset.shortages(0, 40)].map(shortageFactsFromDemo);

  it('explainMatch gives exactly the scoreMatch score, in 0..100, with at least 3 reasons (occupation, distance, wage)', () => {
    for (const shortage of shortages) {
      for (const seeker of seekers) {
        const explanation = explainMatch(seeker, shortage);
        expect(explanation.score).toBe(scoreMatch(seeker, shortage));
        expect(explanation.score).toBeGreaterThanOrEqual(0);
        expect(explanation.score).toBeLessThanOrEqual(100);
        expect(explanation.reasons.length).toBeGreaterThanOrEqual(3);
        const codes = explanation.reasons.map((r) => r.code);
        expect(codes.some((c) => c.startsWith('OCCUPATION_'))).toBe(true);
        expect(codes.some((c) => c.startsWith('DISTANCE'))).toBe(true);
        expect(codes.some((c) => c.startsWith('WAGE_'))).toBe(true);
        const sum = explanation.factors.reduce((total, f) => total + f.contribution, 0);
        expect(sum).toBeCloseTo(explanation.score, 9);
        for (const reason of explanation.reasons) expect(reason.zh.length && reason.en.length).toBeTruthy();
      }
    }
  });

  it('is deterministic and gives one factor per weight', () => {
    const a = explainMatch(seekers[1], shortages[1], DEFAULT_MATCH_WEIGHTS, names);
    const b = explainMatch(seekers[1], shortages[1], DEFAULT_MATCH_WEIGHTS, names);
    expect(a).toEqual(b);
    expect(a.factors.map((f) => f.factor)).toEqual([...FACTORS]);
  });

  it('explains a good fit with bilingual reasons and certificate names', () => {
    const explanation = explainMatch(fixtureSeeker(), fixtureShortage(), DEFAULT_MATCH_WEIGHTS, names);
    expect(explanation.eligible).toBe(true);
    expect(explanation.nearFit).toBe(false);
    expect(explanation.gaps).toEqual([]);
    expect(explanation.reasons).toContainEqual({ code: 'CERT_REQUIRED_HELD', kind: 'fit', zh: '持有电工证（必需）', en: 'Holds 电工证 (required)' });
    const distance = explanation.reasons.find((r) => r.code === 'DISTANCE');
    expect(distance?.zh).toMatch(/^距离 2\.\d 公里$/);
    expect(distance?.en).toMatch(/^2\.\d km away$/);
    expect(explanation.score).toBeGreaterThan(85);
  });

  it('marks a near fit (one missing certificate) and names the gap; three missing requirements are not near', () => {
    const shortage = fixtureShortage({ requiredCertificates: ['SPO-1.1', 'SPO-3.1'] });
    const near = explainMatch(fixtureSeeker(), shortage, DEFAULT_MATCH_WEIGHTS, names);
    expect(near.eligible).toBe(false);
    expect(near.nearFit).toBe(true);
    expect(near.gaps).toEqual([{ kind: 'certificate', name: '高处作业证', code: 'SPO-3.1' }]);
    expect(near.reasons).toContainEqual({ code: 'MISSING_CERT', kind: 'gap', zh: '缺少：高处作业证', en: 'Missing: 高处作业证' });

    const far = explainMatch(fixtureSeeker({ skills: [], certificates: [] }), fixtureShortage(), DEFAULT_MATCH_WEIGHTS, names);
    expect(far.eligible).toBe(false);
    expect(far.nearFit).toBe(false);
    expect(far.gaps.map((g) => g.name)).toEqual(['电气接线', '低压配电', '电工证']);
  });

  it('shortlists a seeker who lacks up to half of the required skills (listing the gaps), never one who lacks a certificate', () => {
    const fourSkills = fixtureShortage({
      requiredCertificates: ['SPO-1.1'],
      requiredSkills: [{ name: '电气接线', level: 2 }, { name: '低压配电', level: 2 }, { name: '电机维修', level: 2 }, { name: '照明安装', level: 2 }],
    });
    const twoOfFour = explainMatch(fixtureSeeker(), fourSkills, DEFAULT_MATCH_WEIGHTS, names);
    expect(twoOfFour.eligible).toBe(true);
    expect(twoOfFour.gaps.map((g) => g.name)).toEqual(['电机维修', '照明安装']);
    const oneOfFour = explainMatch(fixtureSeeker({ skills: [{ name: '电气接线', level: 3 }] }), fourSkills, DEFAULT_MATCH_WEIGHTS, names);
    expect([oneOfFour.eligible, oneOfFour.nearFit]).toEqual([false, false]); // three gaps: neither shortlisted nor near
    const noCertificate = explainMatch(fixtureSeeker({ certificates: [] }), fixtureShortage(), DEFAULT_MATCH_WEIGHTS, names);
    expect([noCertificate.eligible, noCertificate.nearFit]).toEqual([false, true]);
  });

  it('is not eligible out of reach (beyond 1.5 × travel radius) nor in an unrelated occupation', () => {
    const away = explainMatch(fixtureSeeker({ lat: 18.25, lng: 109.5 }), fixtureShortage());
    expect(away.eligible).toBe(false);
    expect(away.reasons.some((r) => r.code === 'DISTANCE_OUT_OF_REACH' && r.kind === 'gap')).toBe(true);
    const unrelated = explainMatch(fixtureSeeker({ desiredOccupations: ['4-10-01-01'], experience: [], skills: [] }), fixtureShortage({ requiredCertificates: [] }));
    expect(unrelated.eligible).toBe(false);
    expect(unrelated.factors[0].value).toBe(0);
  });

  it('ranks the occupation hierarchy: same detailed code > minor group > medium group > shared skills > unrelated', () => {
    const value = (codes: string[], skills = fixtureSeeker().skills) =>
      explainMatch(fixtureSeeker({ desiredOccupations: codes, experience: [], skills }), fixtureShortage()).factors[0].value;
    const exact = value(['6-31-01-03']);
    const minor = value(['6-31-01-09']);
    const medium = value(['6-31-02-01']);
    const related = value(['4-10-01-01']);
    const unrelated = value(['4-10-01-01'], []);
    expect(exact).toBeGreaterThan(minor);
    expect(minor).toBeGreaterThan(medium);
    expect(medium).toBeGreaterThan(related);
    expect(related).toBeGreaterThan(unrelated);
    // Experience counts like a wanted occupation.
    const viaExperience = explainMatch(fixtureSeeker({ desiredOccupations: ['4-10-01-01'] }), fixtureShortage());
    expect(viaExperience.factors[0].value).toBe(exact);
    expect(viaExperience.reasons[0].zh).toContain('从业经历');
  });

  it("counts a priority group only when given, and 'disabled' only where the shortage is open to disabled people", () => {
    const priority = (groups: string[], openToDisabled: boolean) =>
      explainMatch(fixtureSeeker({ priorityGroups: groups }), fixtureShortage({ openToDisabled })).factors.find((f) => f.factor === 'priorityGroup')?.value;
    expect(priority([], true)).toBe(0);
    expect(priority(['disabled'], false)).toBe(0);
    expect(priority(['disabled'], true)).toBe(1);
    expect(priority(['veteran'], false)).toBe(1);
    const reasons = explainMatch(fixtureSeeker({ priorityGroups: ['disabled'] }), fixtureShortage({ openToDisabled: true })).reasons;
    // The reason says a priority applies, never which group (a sensitive category).
    expect(reasons.find((r) => r.code === 'PRIORITY_GROUP')?.zh).not.toContain('残');
  });

  it('uses wage, availability and work type', () => {
    const base = scoreMatch(fixtureSeeker(), fixtureShortage());
    expect(scoreMatch(fixtureSeeker({ wageExpectation: 8000 }), fixtureShortage())).toBeLessThan(base);
    expect(scoreMatch(fixtureSeeker({ availableFrom: '2025-08-30' }), fixtureShortage())).toBeLessThan(base);
    expect(scoreMatch(fixtureSeeker({ workTypes: ['gig'] }), fixtureShortage())).toBeLessThan(base);
    expect(scoreMatch(fixtureSeeker({ lat: null, lng: null }), fixtureShortage())).toBeLessThan(base);
  });

  describe('monotone in requirements held (property)', () => {
    const skillNames = ['电气接线', '低压配电', 'PLC编程', '焊接', '看图识图'];
    const certCodes = ['SPO-1.1', 'SPO-3.1', 'SKL-6-31-01-03'];
    const skill = fc.record({ name: fc.constantFrom(...skillNames), level: fc.integer({ min: 1, max: 5 }) });
    const seekerArb: fc.Arbitrary<SeekerFacts> = fc.record({
      skills: fc.array(skill, { maxLength: 5 }),
      certificates: fc.subarray(certCodes),
      desiredOccupations: fc.subarray(['6-31-01-03', '6-31-01-09', '6-31-02-01', '4-10-01-01']),
      lat: fc.double({ min: 19.9, max: 20.2, noNaN: true }),
      lng: fc.double({ min: 110.2, max: 110.5, noNaN: true }),
      travelRadiusKm: fc.constantFrom(3, 10, 30),
      skillLevel: fc.option(fc.integer({ min: 1, max: 5 })),
      wageExpectation: fc.option(fc.integer({ min: 2500, max: 9000 })),
      priorityGroups: fc.subarray(['veteran', 'disabled']),
    }).map((partial) => fixtureSeeker(partial));
    const shortageArb: fc.Arbitrary<ShortageFacts> = fc.record({
      requiredSkills: fc.array(skill, { maxLength: 4 }),
      preferredSkills: fc.array(skill, { maxLength: 2 }),
      requiredCertificates: fc.subarray(certCodes),
      openToDisabled: fc.boolean(),
      minSkillLevel: fc.option(fc.integer({ min: 1, max: 3 })),
    }).map((partial) => fixtureShortage(partial));

    it('gaining a required skill, a higher level of it, or a required certificate never lowers the score', () => {
      fc.assert(
        fc.property(seekerArb, shortageArb, fc.nat(), fc.integer({ min: 1, max: 4 }), (seeker, shortage, pick, raise) => {
          const before = scoreMatch(seeker, shortage);
          if (shortage.requiredSkills.length) {
            const wanted = shortage.requiredSkills[pick % shortage.requiredSkills.length];
            const held = seeker.skills.filter((s) => s.name === wanted.name).reduce((m, s) => Math.max(m, s.level), 0);
            const gained = { ...seeker, skills: [...seeker.skills, { name: wanted.name, level: Math.min(5, Math.max(held, wanted.level - 1) + raise) }] };
            expect(scoreMatch(gained, shortage)).toBeGreaterThanOrEqual(before);
          }
          if (shortage.requiredCertificates.length) {
            const code = shortage.requiredCertificates[pick % shortage.requiredCertificates.length];
            expect(scoreMatch({ ...seeker, certificates: [...seeker.certificates, code] }, shortage)).toBeGreaterThanOrEqual(before);
          }
        }),
        { numRuns: 500 },
      );
    });

    it('holding every requirement at level within the radius, in the same occupation, is eligible', () => {
      fc.assert(
        fc.property(seekerArb, shortageArb, (seeker, shortage) => {
          const complete = {
            ...seeker,
            desiredOccupations: [shortage.occupationCode],
            lat: shortage.lat,
            lng: shortage.lng,
            skills: [...seeker.skills, ...shortage.requiredSkills],
            certificates: [...seeker.certificates, ...shortage.requiredCertificates],
          };
          const explanation = explainMatch(complete, shortage);
          expect(explanation.eligible).toBe(true);
          expect(explanation.gaps).toEqual([]);
        }),
        { numRuns: 200 },
      );
    });
  });
});
