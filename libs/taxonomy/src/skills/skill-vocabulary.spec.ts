import { Taxonomy } from '../taxonomy';
import { normalizeSkillText } from './skill-text';
import { CanonicalSkill, SIMILAR_SKILL_THRESHOLD, SkillVocabulary } from './skill-vocabulary';

const vocabulary = SkillVocabulary.shared();
const idOf = (text: string) => vocabulary.canonicalId(text);

describe('the shipped skills vocabulary', () => {
  const skills = vocabulary.skills();

  it('has several hundred canonical skills, each with an id, both names, a family of the 2022 classification and a source', () => {
    expect(skills.length).toBeGreaterThanOrEqual(300);
    const taxonomy = Taxonomy.shared();
    for (const skill of skills) {
      expect(skill.id).toMatch(/^SK-(G|\d(-\d{2})?)-\d{3}$/);
      expect(skill.zh.length).toBeGreaterThan(0);
      expect(skill.en.length).toBeGreaterThan(0);
      expect(skill.source.length).toBeGreaterThan(20);
      if (skill.family !== null) expect(taxonomy.occupation(skill.family)?.code).toBe(skill.family);
    }
  });

  it('covers the families of the common occupations: catering, care, construction, logistics, tourism, farming, manufacturing, IT, sales, health', () => {
    const families = new Set(skills.map((s) => s.family));
    for (const family of ['4-03', '4-10', '6-29', '4-02', '4-07', '5-01', '6-18', '4-04', '4-01', '2-05']) expect(families).toContain(family);
  });

  it('maps every skill word of the demo data occupation profiles it was compiled from', () => {
    for (const word of ['热菜烹调', '刀工', '叉车驾驶', '手工电弧焊', '生活照料', '家居保洁', '客房清扫', '景点讲解', '田间管理', 'Java开发']) expect(idOf(word)).toBeDefined();
  });
});

describe('SkillVocabulary.map', () => {
  it('maps synonyms to one canonical skill: 炒菜 = 热菜烹制 = 中式烹调; 开叉车 = 叉车驾驶; 电焊 = 焊条电弧焊', () => {
    expect(idOf('炒菜')).toBe(idOf('热菜烹制'));
    expect(idOf('中式烹调')).toBe(idOf('热菜烹制'));
    expect(vocabulary.map('炒菜')).toMatchObject({ kind: 'exact', matched: '炒菜', skill: { zh: '热菜烹制' } });
    expect(idOf('开叉车')).toBe(idOf('叉车驾驶'));
    expect(idOf('电焊')).toBe(idOf('焊条电弧焊'));
    expect(idOf('热菜烹制')).not.toBe(idOf('冷菜烹制'));
  });

  it('reads normal forms: width, case, spaces, punctuation and the words around a skill', () => {
    expect(vocabulary.map('熟练电焊')).toMatchObject({ kind: 'normalized', matched: '电焊' });
    expect(idOf(' 会开叉车。')).toBe(idOf('叉车驾驶'));
    expect(idOf('ＪＡＶＡ 开发')).toBe(idOf('Java开发'));
    expect(idOf('焊接技术')).toBe(idOf('焊条电弧焊'));
    expect(idOf('叉车驾驶经验')).toBe(idOf('叉车驾驶'));
  });

  it('keeps 会 and 能 when they begin the word itself (会计 is accounting, not 计)', () => {
    expect(vocabulary.map('会计')?.skill.zh).toBe('会计核算');
    expect(normalizeSkillText('会计')).toBe('会计');
  });

  it('falls back to character bigrams above the threshold, and only for a single best skill', () => {
    const similar = vocabulary.map('叉车驾驶证');
    expect(similar).toMatchObject({ kind: 'similar', skill: { zh: '叉车驾驶' } });
    expect(similar!.score).toBeGreaterThanOrEqual(SIMILAR_SKILL_THRESHOLD);
    expect(vocabulary.map('氩弧焊接')?.skill.zh).toBe('氩弧焊');
    // Below the threshold: close in characters, another skill in fact.
    expect(vocabulary.map('中餐热菜')).toBeNull();
    expect(vocabulary.map('矿山安全防护')).toBeNull();
    expect(vocabulary.map('防水卷材制造')).toBeNull();
  });

  it('leaves text that fits no canonical skill as it is (null), including C++ against C# and C', () => {
    expect(vocabulary.map('能吃苦耐劳')).toBeNull();
    expect(vocabulary.map('xyz')).toBeNull();
    expect(vocabulary.map('')).toBeNull();
    expect(idOf('C++')).not.toBe(idOf('C#'));
    expect(vocabulary.withIds([{ name: '炒菜', level: 2 }, { name: '吃苦耐劳', level: 1 }])).toEqual([
      { name: '炒菜', level: 2, skillId: idOf('热菜烹制') },
      { name: '吃苦耐劳', level: 1 },
    ]);
  });

  it('refuses a vocabulary where one text means two skills, or an id is used twice', () => {
    const skill = (id: string, zh: string, synonyms: string[]): CanonicalSkill => ({ id, zh, en: zh, family: null, synonyms, source: 'test' });
    expect(() => new SkillVocabulary([skill('A', '炒菜', []), skill('B', '热菜', ['炒 菜'])])).toThrow(/already A/);
    expect(() => new SkillVocabulary([skill('A', '炒菜', []), skill('A', '热菜', [])])).toThrow(/used twice/);
  });

  it('breaks a tie between two equally close skills by making no guess', () => {
    const skill = (id: string, zh: string): CanonicalSkill => ({ id, zh, en: zh, family: null, synonyms: [], source: 'test' });
    const small = new SkillVocabulary([skill('A', '甲乙丙丁'), skill('B', '甲乙丙戊')]);
    expect(small.map('甲乙丙')).toBeNull();
  });
});

describe('SkillVocabulary.suggest', () => {
  it('offers canonical skills whose name or synonym starts with or contains the query, one per skill', () => {
    const suggestions = vocabulary.suggest('炒', 5);
    expect(suggestions[0]).toMatchObject({ skill: { zh: '热菜烹制' }, matched: '炒菜' });
    const ids = vocabulary.suggest('焊', 20).map((s) => s.skill.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(idOf('电焊'));
  });

  it("puts the skills of the posting's occupation family first", () => {
    const forWelder = vocabulary.suggest('焊', 3, '6-18-02-04');
    for (const { skill } of forWelder) expect(skill.family).toBe('6-18');
  });

  it('returns nothing for a query with no letters', () => {
    expect(vocabulary.suggest('  ，', 5)).toEqual([]);
  });
});
