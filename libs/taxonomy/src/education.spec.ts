import { EDUCATION_CHOICES, EDUCATION_LADDER, EDUCATION_NAMES_ZH, educationBelow, educationRank } from './education';

describe('education ladder', () => {
  it('ranks the rungs in order, none and unknown values below them all', () => {
    expect(EDUCATION_LADDER.map(educationRank)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(educationRank('none')).toBe(-1);
    expect(educationRank('doctor')).toBe(-1);
  });

  it('names every choice in Chinese, none first', () => {
    expect(Object.keys(EDUCATION_NAMES_ZH)).toEqual([...EDUCATION_CHOICES]);
    expect(EDUCATION_CHOICES[0]).toBe('none');
    expect(EDUCATION_NAMES_ZH.none).toBe('不限');
  });

  it('a posting asks for more only when both sides are known and its rung is higher', () => {
    expect(educationBelow('college', 'senior_high')).toBe(true);
    expect(educationBelow('college', 'college')).toBe(false);
    expect(educationBelow('college', 'master')).toBe(false);
    expect(educationBelow('none', 'primary')).toBe(false);
    expect(educationBelow('primary', 'none')).toBe(true);
    expect(educationBelow(null, 'primary')).toBe(false);
    expect(educationBelow('college', null)).toBe(false);
  });
});
