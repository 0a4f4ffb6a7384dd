import { SkillVocabulary } from '@app/taxonomy';
import { skillFit } from './skill-fit';

describe('skillFit', () => {
  const vocabulary = SkillVocabulary.shared();

  it('counts a synonym at the level asked as met: 炒菜 meets 热菜烹制, named as the job writes it', () => {
    const fit = skillFit([{ name: '热菜烹制', level: 2 }, { name: '冷菜烹制', level: 1 }], ['SKL-4-03-02-01'], { skills: [{ name: '炒菜', level: 3 }], certificateCodes: [] }, vocabulary);
    expect(fit).toEqual({ matched: ['热菜烹制'], missing: ['冷菜烹制'], missingCertificates: ['SKL-4-03-02-01'] });
  });

  it('holds a synonym below the level asked as missing, and compares unmapped names as written', () => {
    const seeker = { skills: [{ name: '开叉车', level: 1 }, { name: '吃苦耐劳', level: 2 }], certificateCodes: ['SPO-1.1'] };
    const fit = skillFit([{ name: '叉车驾驶', level: 2 }, { name: '吃苦耐劳', level: 0 }], ['SPO-1.1'], seeker, vocabulary);
    expect(fit).toEqual({ matched: ['吃苦耐劳'], missing: ['叉车驾驶'], missingCertificates: [] });
  });
});
