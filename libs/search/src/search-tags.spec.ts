import { occupationCodeLevels, occupationFamilyOf, regionCodeLevels } from './search-tags';

describe('search tags', () => {
  it('lists every occupation level of a code', () => {
    expect(occupationCodeLevels('4-10-01-05')).toEqual(['4', '4-10', '4-10-01', '4-10-01-05']);
    expect(occupationCodeLevels('6-31')).toEqual(['6', '6-31']);
    expect(occupationFamilyOf('4-10-01-05')).toBe('4-10-01');
    expect(occupationFamilyOf('4-10')).toBe('4-10');
  });

  it('rolls a region up to its city, never past a county-level unit', () => {
    expect(regionCodeLevels('460106')).toEqual(['460106', '460100']);
    expect(regionCodeLevels('460100')).toEqual(['460100']);
    expect(regionCodeLevels('469021')).toEqual(['469021']);
    expect(regionCodeLevels('460400499')).toEqual(['460400499', '460400']);
    expect(regionCodeLevels('460106001')).toEqual(['460106001', '460106', '460100']);
    expect(regionCodeLevels('469021100')).toEqual(['469021100', '469021']);
  });
});
