import { HAINAN_PROVINCE_CODE, YANGPU_CODE } from './load-regions';
import { Taxonomy } from './taxonomy';
import { TaxonomyCodeError } from './taxonomy-code.error';
import { Region } from './taxonomy.types';

const taxonomy = Taxonomy.shared();

function codes(records: { code: string }[]): string[] {
  return records.map((r) => r.code);
}

function catchError(fn: () => unknown): TaxonomyCodeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TaxonomyCodeError) return error;
    throw error;
  }
  throw new Error('expected a TaxonomyCodeError');
}

describe('Taxonomy loading', () => {
  it('returns one shared instance', () => {
    expect(Taxonomy.shared()).toBe(taxonomy);
  });

  it('loads a fresh instance quickly', () => {
    const start = performance.now();
    Taxonomy.load();
    // about 40 ms on a laptop; the bound leaves room for a slow CI machine
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('hands out frozen records and fresh arrays', () => {
    const list = taxonomy.occupations(1);
    expect(Object.isFrozen(list[0])).toBe(true);
    list.pop();
    expect(taxonomy.occupations(1)).toHaveLength(8);
  });
});

describe('occupations (职业分类大典 2022)', () => {
  it('has the counts of the data README: 8 / 79 / 447 / 1632', () => {
    expect(taxonomy.occupations(1)).toHaveLength(8);
    expect(taxonomy.occupations(2)).toHaveLength(79);
    expect(taxonomy.occupations(3)).toHaveLength(447);
    expect(taxonomy.occupations(4)).toHaveLength(1632);
    expect(taxonomy.occupations()).toHaveLength(8 + 79 + 447 + 1632);
  });

  it('has well-formed codes, each under a parent one level up, all named', () => {
    const shapes = { 1: /^\d$/, 2: /^\d-\d\d$/, 3: /^\d-\d\d-\d\d$/, 4: /^\d-\d\d-\d\d-\d\d$/ };
    for (const o of taxonomy.occupations()) {
      expect(o.code).toMatch(shapes[o.level]);
      expect(o.name).not.toBe('');
      if (o.level === 1) expect(o.parentCode).toBeNull();
      else expect(taxonomy.occupationParent(o.code)).toMatchObject({ level: o.level - 1 });
      if (o.parentCode) expect(o.code.startsWith(o.parentCode)).toBe(true);
    }
  });

  it('looks up by code and walks the hierarchy', () => {
    expect(taxonomy.occupation('4-10-01-05')).toEqual({
      code: '4-10-01-05',
      name: '养老护理员',
      level: 4,
      parentCode: '4-10-01',
      green: false,
      digital: false,
    });
    expect(taxonomy.occupation('4-99-99-99')).toBeUndefined();
    expect(taxonomy.occupationParent('4-10-01-05')?.name).toBe('生活照料服务人员');
    expect(taxonomy.occupationParent('4')).toBeUndefined();
    expect(codes(taxonomy.occupationChildren('4-10-01'))).toEqual([
      '4-10-01-01',
      '4-10-01-03',
      '4-10-01-04',
      '4-10-01-05',
      '4-10-01-06',
    ]);
    expect(taxonomy.occupationChildren('4-10-01-05')).toEqual([]);
    expect(codes(taxonomy.occupationAncestors('4-10-01-05'))).toEqual(['4-10-01', '4-10', '4']);
    expect(taxonomy.occupationAncestors('4')).toEqual([]);
  });

  it('gives the minor-group family', () => {
    expect(taxonomy.occupationFamily('4-10-01-05')).toBe('4-10-01');
    expect(taxonomy.occupationFamily('4-10-01')).toBe('4-10-01');
    expect(taxonomy.occupationFamily('4-10')).toBe('4-10');
    expect(taxonomy.occupationFamily('4')).toBe('4');
    expect(() => taxonomy.occupationFamily('4-99-99-99')).toThrow(TaxonomyCodeError);
  });

  it('uses the complete medium list and completes truncated names', () => {
    expect(taxonomy.occupation('4-01')?.name).toBe('批发与零售服务人员');
    expect(taxonomy.occupation('7-04')).toMatchObject({ name: '文职人员', level: 2, parentCode: '7' });
    expect(taxonomy.occupation('4-08-05')?.name).toBe('检验、检测和计量服务人员');
    expect(taxonomy.occupation('7-02-00-00')?.name).toBe('军士（警士）');
  });

  it('carries the green and digital marks', () => {
    const level4 = taxonomy.occupations(4);
    expect(level4.filter((o) => o.green)).toHaveLength(129);
    expect(level4.filter((o) => o.digital)).toHaveLength(94);
  });

  it('throws for bad codes, naming the code', () => {
    const error = catchError(() => taxonomy.requireOccupation('4-99-99-99'));
    expect(error).toMatchObject({ kind: 'occupation', code: '4-99-99-99' });
    expect(error.message).toBe('职业编码“4-99-99-99”不存在');
    expect(error.messageEn).toContain('4-99-99-99');
    expect(taxonomy.requireOccupation('4-10-01-05', 4).name).toBe('养老护理员');
    expect(catchError(() => taxonomy.requireOccupation('4-10', 4)).message).toBe('职业编码“4-10”不是细类（第4级）编码');
  });
});

describe('industries (GB/T 4754-2017)', () => {
  it('has the counts of the data README: 20 / 97 / 473 / 1381', () => {
    expect(taxonomy.industries('section')).toHaveLength(20);
    expect(taxonomy.industries('division')).toHaveLength(97);
    expect(taxonomy.industries('group')).toHaveLength(473);
    expect(taxonomy.industries('class')).toHaveLength(1381);
    expect(taxonomy.industries()).toHaveLength(1971);
  });

  it('looks up by code and walks the hierarchy', () => {
    expect(taxonomy.industry('3741')).toEqual({ code: '3741', name: '飞机制造', level: 'class', parentCode: '374' });
    expect(taxonomy.industryParent('374')?.code).toBe('37');
    expect(taxonomy.industryParent('01')?.name).toBe('农、林、牧、渔业');
    expect(taxonomy.industryParent('A')).toBeUndefined();
    expect(codes(taxonomy.industryChildren('A'))).toEqual(['01', '02', '03', '04', '05']);
    expect(taxonomy.industry('P')?.name).toBe('教育');
  });

  it('throws for bad codes, naming the code', () => {
    const error = catchError(() => taxonomy.requireIndustry('9999'));
    expect(error).toMatchObject({ kind: 'industry', code: '9999', message: '行业编码“9999”不存在' });
  });
});

describe('regions (Hainan)', () => {
  const mainIsland = (r: Region) => !r.code.startsWith('4603');

  it('lists the 19 city/county-level units plus 洋浦', () => {
    const counties = taxonomy.counties();
    expect(counties).toHaveLength(20);
    expect(counties.map((r) => r.name)).toEqual(
      expect.arrayContaining(['海口市', '三亚市', '三沙市', '儋州市', '五指山市', '琼中黎族苗族自治县', '洋浦经济开发区']),
    );
    expect(counties.filter((r) => r.kind === 'city')).toHaveLength(9);
    expect(counties.filter((r) => r.kind === 'county')).toHaveLength(10);
    expect(taxonomy.region(YANGPU_CODE)).toMatchObject({ name: '洋浦经济开发区', kind: 'zone', parentCode: '460000' });
    expect(codes(taxonomy.regionChildren(HAINAN_PROVINCE_CODE))).toEqual(codes(counties));
  });

  it('gives every main-island region a point inside Hainan, and 三沙 one in the South China Sea', () => {
    for (const region of taxonomy.counties().filter(mainIsland)) {
      expect(region.center).not.toBeNull();
      expect(region.center!.lat).toBeGreaterThan(18);
      expect(region.center!.lat).toBeLessThan(20.2);
      expect(region.center!.lng).toBeGreaterThan(108.5);
      expect(region.center!.lng).toBeLessThan(111.1);
    }
    const sansha = taxonomy.requireRegion('460300');
    expect(sansha.center!.lat).toBeGreaterThan(16); // 永兴岛
    expect(sansha.center!.lat).toBeLessThan(17.5);
    expect(sansha.center!.lng).toBeGreaterThan(111);
    expect(sansha.center!.lng).toBeLessThan(113);
  });

  it('uses WGS-84 seat points', () => {
    // GCJ-02 in the data: 110.33119, 20.031971
    expect(taxonomy.region('460100')?.center).toEqual({ lat: 20.034028, lng: 110.326829 });
  });

  it('places districts under their cities', () => {
    expect(taxonomy.region('460106')).toMatchObject({ name: '龙华区', kind: 'district', parentCode: '460100', pinyin: 'long hua' });
    expect(taxonomy.regionChildren('460100').map((r) => r.name)).toEqual(['秀英区', '龙华区', '琼山区', '美兰区']);
    expect(taxonomy.regionChildren('460200')).toHaveLength(4);
    expect(taxonomy.regionChildren('460300')).toHaveLength(2);
    expect(taxonomy.regionChildren('460400')).toEqual([]);
  });

  it('rolls districts and townships up to their county-level unit', () => {
    expect(taxonomy.countyOf('460106')?.code).toBe('460100');
    expect(taxonomy.countyOf('460100')?.code).toBe('460100');
    expect(taxonomy.countyOf('469002')?.code).toBe('469002');
    expect(taxonomy.countyOf(YANGPU_CODE)?.code).toBe(YANGPU_CODE);
    expect(taxonomy.countyOf('460106001')?.code).toBe('460100'); // a 龙华区 street
    expect(taxonomy.countyOf('460321451')?.code).toBe('460300'); // 永兴, NBS 西沙群岛
    expect(taxonomy.countyOf(HAINAN_PROVINCE_CODE)).toBeUndefined();
    expect(taxonomy.countyOf('110000')).toBeUndefined();
  });

  it('throws for bad codes, naming the code', () => {
    expect(catchError(() => taxonomy.requireRegion('469099')).message).toBe('行政区划编码“469099”不存在');
  });
});

describe('townships', () => {
  it('has all 243 NBS units, each under a known region', () => {
    expect(taxonomy.townships()).toHaveLength(243);
    for (const t of taxonomy.townships()) expect(taxonomy.region(t.countyCode)).toBeDefined();
  });

  it('partitions the townships among the county-level units', () => {
    const perCounty = taxonomy.counties().map((c) => taxonomy.townships(c.code).length);
    expect(perCounty.reduce((a, b) => a + b, 0)).toBe(243);
    expect(taxonomy.townships(HAINAN_PROVINCE_CODE)).toHaveLength(243);
  });

  it('lists a city’s townships across its districts', () => {
    const haikou = taxonomy.townships('460100');
    expect(haikou).toHaveLength(8 + 11 + 12 + 15);
    expect(taxonomy.townships('460105').map((t) => t.name)).toContain('长流镇');
    expect(taxonomy.townships(YANGPU_CODE).map((t) => t.name)).toEqual(['洋浦经济开发区']);
    expect(taxonomy.townships('460400').map((t) => t.name)).not.toContain('洋浦经济开发区');
    expect(taxonomy.townships('460300')).toHaveLength(5);
    expect(taxonomy.township('460105100')).toEqual({ code: '460105100', name: '长流镇', countyCode: '460105' });
  });
});

describe('certificates', () => {
  it('has a skill certificate per commonly certified occupation and the special-operation certificates', () => {
    const all = taxonomy.certificates();
    expect(new Set(codes(all)).size).toBe(all.length);
    expect(all.filter((c) => c.kind === '职业技能等级证书')).toHaveLength(103);
    expect(all.filter((c) => c.kind === '特种作业操作证')).toHaveLength(16);
    expect(taxonomy.certificate('SKL-4-10-01-05')).toEqual({
      code: 'SKL-4-10-01-05',
      name: '养老护理员职业技能等级证书',
      kind: '职业技能等级证书',
      occupationCode: '4-10-01-05',
    });
    expect(taxonomy.certificate('SPO-1.2')).toMatchObject({ name: '特种作业操作证（低压电工作业）', occupationCode: null });
    expect(taxonomy.certificate('SPO-9')?.name).toBe('特种作业操作证（危险化学品安全作业）');
  });

  it('links skill certificates to detailed occupations', () => {
    for (const c of taxonomy.certificates().filter((c) => c.occupationCode)) {
      expect(taxonomy.requireOccupation(c.occupationCode!, 4).name + '职业技能等级证书').toBe(c.name);
    }
  });

  it('throws for bad codes, naming the code', () => {
    expect(catchError(() => taxonomy.requireCertificate('SKL-4-10-01-02')).message).toBe('证书编码“SKL-4-10-01-02”不存在');
  });
});

describe('skill levels', () => {
  it('ranks the five levels from 五级/初级工 up to 一级/高级技师', () => {
    expect(taxonomy.skillLevels().map((l) => [l.level, l.name])).toEqual([
      [1, '五级/初级工'],
      [2, '四级/中级工'],
      [3, '三级/高级工'],
      [4, '二级/技师'],
      [5, '一级/高级技师'],
    ]);
  });

  it('has the 新八级工 ladder linked to the five levels', () => {
    const ladder = taxonomy.eightGradeLadder();
    expect(ladder.map((s) => s.name)).toEqual(['学徒工', '初级工', '中级工', '高级工', '技师', '高级技师', '特级技师', '首席技师']);
    expect(ladder.map((s) => s.grade)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ladder.map((s) => s.skillLevel)).toEqual([null, 1, 2, 3, 4, 5, null, null]);
  });
});
