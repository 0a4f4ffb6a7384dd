import { mediumGroupOf, mediumGroupSql, minorGroupOrSelf, occupationCodePath, occupationLevels } from './occupation-code';

describe('occupation codes', () => {
  it('splits a detailed code into one code per level', () => {
    expect(occupationLevels('4-10-01-05')).toEqual({ major: '4', medium: '4-10', minor: '4-10-01', detail: '4-10-01-05' });
    expect(occupationLevels('4-10')).toEqual({ major: '4', medium: '4-10', minor: null, detail: null });
    expect(occupationLevels('4')).toEqual({ major: '4', medium: null, minor: null, detail: null });
    expect(occupationLevels('4-10-01-05')).toBe(occupationLevels('4-10-01-05'));
  });

  it('lists the path from the major group down', () => {
    expect(occupationCodePath('4-10-01-05')).toEqual(['4', '4-10', '4-10-01', '4-10-01-05']);
    expect(occupationCodePath('6')).toEqual(['6']);
  });

  it('gives the medium group, or null above it', () => {
    expect(mediumGroupOf('4-10-01-05')).toBe('4-10');
    expect(mediumGroupOf('4-10')).toBe('4-10');
    expect(mediumGroupOf('4')).toBeNull();
    expect(mediumGroupSql('s.occupation_code')).toBe(`substring(s.occupation_code from '^[0-9]+-[0-9]+')`);
  });

  it('gives the minor group of a detailed occupation, coarser codes themselves', () => {
    expect(minorGroupOrSelf('4-10-01-05')).toBe('4-10-01');
    expect(minorGroupOrSelf('4-10-01')).toBe('4-10-01');
    expect(minorGroupOrSelf('4-10')).toBe('4-10');
    expect(minorGroupOrSelf('4')).toBe('4');
  });
});
