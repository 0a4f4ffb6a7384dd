import { SkillVocabulary } from '@app/taxonomy';
import { buildCandidateIndex, candidatesFor } from './candidates';
import { compileSeekers, compileShortages, FLAG_ELIGIBLE, ScoringKernel } from './compiled';
import { renderReasons, R } from './reasons';
import { SeekerFacts, ShortageFacts } from './types';
import { explainCompact, explainMatch, fixtureSeeker, fixtureShortage, scoreMatch } from '../testing';

/** Skills as the caller maps them (match-data.repository): names as written, canonical ids beside them. */
const skills = SkillVocabulary.shared();
const cook = (names: string[], level = 3): SeekerFacts =>
  fixtureSeeker({ desiredOccupations: ['4-03-02-01'], experience: [], certificates: [], skills: skills.withIds(names.map((name) => ({ name, level }))) });
const kitchen = (overrides: Partial<ShortageFacts> = {}): ShortageFacts =>
  fixtureShortage({
    occupationCode: '4-03-02-01',
    requiredSkills: skills.withIds([{ name: '热菜烹制', level: 2 }]),
    preferredSkills: [],
    requiredCertificates: [],
    experienceYears: null,
    ...overrides,
  });

function kernelOf(seekers: SeekerFacts[], shortages: ShortageFacts[]): ScoringKernel {
  const compiled = compileSeekers(seekers);
  return new ScoringKernel(compiled, compileShortages(shortages, compiled.vocabulary));
}

describe('canonical skills in matching', () => {
  it('a seeker with 炒菜 meets a posting that requires 热菜烹制: eligible, and the reason shows the posting’s skill as met', () => {
    const seeker = cook(['炒菜']);
    const shortage = kitchen();
    const kernel = kernelOf([seeker], [shortage]);
    const scores = new Float64Array(1);
    const flags = new Uint8Array(1);
    kernel.scoreBatch(0, Int32Array.of(0), 1, scores, flags);
    expect(flags[0] & FLAG_ELIGIBLE).toBe(FLAG_ELIGIBLE);
    expect(scores[0]).toBeCloseTo(scoreMatch(seeker, shortage), 9);

    const compact = kernel.explanations.compact(kernel.explain(0, 0));
    expect(compact).toEqual(explainCompact(seeker, shortage));
    expect(compact.r).toEqual(expect.arrayContaining([R.SKILL_REQUIRED_MET, '热菜烹制', 3]));
    expect(compact.g).toBeUndefined();
    const met = renderReasons(compact.r).find((reason) => reason.code === 'SKILL_REQUIRED_MET');
    expect(met).toEqual({ code: 'SKILL_REQUIRED_MET', kind: 'fit', zh: '掌握必需技能：热菜烹制（3级）', en: 'Has required skill 热菜烹制 (level 3)' });

    const explanation = explainMatch(seeker, shortage);
    expect(explanation.eligible).toBe(true);
    expect(explanation.gaps).toEqual([]);
  });

  it('without the canonical ids the same names do not meet (the mapping is what makes them meet)', () => {
    const seeker = fixtureSeeker({ desiredOccupations: ['4-03-02-01'], experience: [], certificates: [], skills: [{ name: '炒菜', level: 3 }] });
    const shortage = kitchen({ requiredSkills: [{ name: '热菜烹制', level: 2 }] });
    const explanation = explainMatch(seeker, shortage);
    expect(explanation.eligible).toBe(false);
    expect(explanation.gaps).toEqual([{ kind: 'skill', name: '热菜烹制', requiredLevel: 2, heldLevel: 0 }]);
  });

  it('compares levels under the canonical skill (the highest of the seeker’s synonyms), and refers a near-fit under the posting’s name', () => {
    const seeker = { ...cook([]), skills: skills.withIds([{ name: '炒菜', level: 1 }, { name: '中式烹调', level: 2 }]) };
    const shortage = kitchen({ requiredSkills: skills.withIds([{ name: '热菜烹制', level: 3 }]) });
    const kernel = kernelOf([seeker], [shortage]);
    const compact = kernel.explanations.compact(kernel.explain(0, 0));
    expect(compact).toEqual(explainCompact(seeker, shortage));
    expect(compact.g).toEqual([{ kind: 'skill', name: '热菜烹制', requiredLevel: 3, heldLevel: 2 }]);
    expect(explainMatch(seeker, shortage).nearFit).toBe(true);
  });

  it('counts synonyms a posting lists twice as one requirement, shown under the first name written', () => {
    const shortage = kitchen({
      requiredSkills: skills.withIds([{ name: '热菜烹制', level: 2 }, { name: '炒菜', level: 3 }]),
      preferredSkills: skills.withIds([{ name: '刀工', level: 1 }, { name: '切配', level: 1 }]),
    });
    const seeker = cook(['中式烹调', '砧板']);
    const kernel = kernelOf([seeker], [shortage]);
    const compact = kernel.explanations.compact(kernel.explain(0, 0));
    expect(compact).toEqual(explainCompact(seeker, shortage));
    expect(compact.r).toEqual(expect.arrayContaining([R.SKILL_REQUIRED_MET, '热菜烹制', 3, R.SKILL_PREFERRED_HELD, 1, '刀工']));
  });

  it('the candidate index finds a seeker through a synonym of a required skill', () => {
    const seekers = [cook(['炒菜']), { ...cook(['开叉车']), id: 'seeker-2', desiredOccupations: ['2-02-01-01'] }];
    const shortage = kitchen({ occupationCode: '6-30-05-01', requiredSkills: skills.withIds([{ name: '叉车驾驶', level: 1 }]) });
    const found = candidatesFor(shortage, buildCandidateIndex(seekers)).map((seeker) => seeker.id);
    expect(found).toContain('seeker-2');
  });
});
