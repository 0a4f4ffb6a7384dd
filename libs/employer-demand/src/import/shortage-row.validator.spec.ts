import { makeCreditCode } from '@app/identifiers';
import { parseDate, validateShortageRow } from './shortage-row.validator';
import { RawRow, SHORTAGE_COLUMNS, ShortageColumnKey } from './shortage-workbook';

const TODAY = '2026-11-25';
const CREDIT_CODE = makeCreditCode('91460100MA5T00001');

const GOOD: Partial<Record<ShortageColumnKey, string>> = {
  externalRef: 'HK-001',
  creditCode: CREDIT_CODE,
  title: '养老护理员（白班）',
  occupationCode: '4-10-01-05 养老护理员',
  industryCode: '8514',
  headcount: '5',
  wageMin: '4500',
  wageMax: '6500',
  workType: '全职',
  regionCode: '460106 龙华区',
  address: '海口市龙华区金垦路 8 号',
  startDate: '2026-12-01',
  deadline: '2027-01-31',
  description: '负责失能老人生活照料、协助康复训练。',
};

const row = (fields: Partial<Record<ShortageColumnKey, string>>, number = 2): RawRow => {
  const cells: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...GOOD, ...fields })) if (value !== undefined) cells[SHORTAGE_COLUMNS[key as ShortageColumnKey].header] = value;
  return { row: number, cells };
};
const check = (fields: Partial<Record<ShortageColumnKey, string>>) => validateShortageRow(row(fields), TODAY);
const problemsOf = (fields: Partial<Record<ShortageColumnKey, string>>) => check(fields).problems.map((p) => [p.column, p.message]);

describe('validateShortageRow', () => {
  it('turns a good row into a shortage with defaults, codes without their names', () => {
    const result = check({});
    expect(result.problems).toEqual([]);
    expect(result.creditCode).toBe(CREDIT_CODE);
    expect(result.input).toEqual({
      externalRef: 'HK-001', title: '养老护理员（白班）', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 5,
      wageMin: 4500, wageMax: 6500, payBasis: 'monthly', workType: 'full_time', regionCode: '460106', address: '海口市龙华区金垦路 8 号',
      startDate: '2026-12-01', deadline: '2027-01-31', description: '负责失能老人生活照料、协助康复训练。', requiredSkills: [],
      preferredSkills: [], requiredCertificates: [], minSkillLevel: null, education: null, experienceYears: null, shifts: null,
      trainingOffered: null, acceptsTrainees: false, openToDisabled: false, urgency: 'normal', policyDirection: null, lat: null, lng: null,
      locationPrecision: null,
    });
  });

  it('reads the optional columns: skills, certificates, labels, yes/no, levels', () => {
    const { input, problems } = check({
      requiredSkills: '失智照护:3；基础护理：2;沟通', preferredSkills: '康复训练:2', requiredCertificates: 'SKL-4-10-01-05',
      minSkillLevel: '四级/中级工', education: '初中', experienceYears: '2', urgency: '特急', policyDirection: '民生保障',
      payBasis: '时薪', workType: '灵活用工（零工）', offersTraining: '是', acceptsTrainees: '否', openToDisabled: '是', lat: '20.02', lng: '110.35',
    });
    expect(problems).toEqual([]);
    expect(input).toMatchObject({
      requiredSkills: [{ name: '失智照护', level: 3 }, { name: '基础护理', level: 2 }, { name: '沟通', level: 1 }],
      preferredSkills: [{ name: '康复训练', level: 2 }], requiredCertificates: ['SKL-4-10-01-05'], minSkillLevel: 2,
      education: 'junior_high', experienceYears: 2, urgency: 'critical', policyDirection: 'livelihood', payBasis: 'hourly',
      workType: 'gig', trainingOffered: '提供培训', acceptsTrainees: false, openToDisabled: true, lat: 20.02, lng: 110.35,
      locationPrecision: 'point',
    });
  });

  it('asks for both coordinates or neither (rows without them are located from their address)', () => {
    expect(problemsOf({ lat: '20.02' })).toEqual([['经度', '经度和纬度需同时填写；都不填时按地址定位']]);
    expect(problemsOf({ lng: '110.35' })).toEqual([['纬度', '经度和纬度需同时填写；都不填时按地址定位']]);
  });

  it('gives every problem in English too, for a report read in English', () => {
    const bad: Partial<Record<ShortageColumnKey, string>>[] = [
      { headcount: '两人' }, { wageMin: '8000', wageMax: '6000' }, { deadline: '2026-11-24' }, { startDate: '2026-02-30' }, { lat: '20.02' },
      { occupationCode: '9-99-99-99' }, { requiredCertificates: 'NOPE-1' }, { title: '' }, { workType: '临时' }, { openToDisabled: '也许' }, { creditCode: '123' },
    ];
    for (const fields of bad) {
      const { problems } = check(fields);
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) expect(problem.messageEn).toMatch(/^[A-Z"]/);
    }
    expect(check({ headcount: '两人' }).problems.map((p) => p.messageEn)).toEqual(['"两人" is not a whole number']);
    expect(check({ title: '' }).problems.map((p) => p.messageEn)).toEqual(['Required: the cell is empty']);
  });

  it('suggests an occupation from the title when the code is blank, flagged for confirmation; the row is not written', () => {
    const result = check({ title: '急招厨师', occupationCode: '' });
    expect(result.input).toBeNull();
    expect(result.problems).toEqual([{
      row: expect.any(Number), column: '职业编码', message: '必填，不能为空；按岗位名称“急招厨师”建议填写 4-03-02-01 中式烹调师，请确认后填入',
      messageEn: 'Required: the cell is empty; the job title "急招厨师" suggests 4-03-02-01 中式烹调师: check it and fill it in',
      suggestion: { code: '4-03-02-01', name: '中式烹调师', confidence: 1 },
    }]);
    expect(problemsOf({ title: '技术员', occupationCode: '' })).toEqual([['职业编码', '必填，不能为空；岗位名称“技术员”无法确定职业，请从职业分类中选择']]);
  });

  it('names an unknown or too general occupation code, and unknown region, industry and certificate codes', () => {
    expect(problemsOf({ occupationCode: '9-99-99-99' })).toEqual([['职业编码', '职业编码“9-99-99-99”不存在']]);
    expect(problemsOf({ occupationCode: '4-10' })).toEqual([['职业编码', '职业编码“4-10”不是细类（第4级）编码']]);
    expect(problemsOf({ regionCode: '110101' })).toEqual([['工作地区编码', '行政区划编码“110101”不存在']]);
    expect(problemsOf({ industryCode: '9999' })).toEqual([['行业编码', '行业编码“9999”不存在']]);
    expect(problemsOf({ requiredCertificates: 'SKL-4-10-01-05;NOPE-1' })).toEqual([['证书要求', '证书编码“NOPE-1”不存在']]);
  });

  it('checks numbers: headcount 1..10000, whole numbers, wageMax not below wageMin', () => {
    expect(problemsOf({ headcount: '-3' })).toEqual([['招聘人数', '应为 1 到 10000 之间的整数，当前为 -3']]);
    expect(problemsOf({ headcount: '10001' })).toEqual([['招聘人数', '应为 1 到 10000 之间的整数，当前为 10001']]);
    expect(problemsOf({ headcount: '两人' })).toEqual([['招聘人数', '“两人”不是整数']]);
    expect(problemsOf({ wageMin: '8000', wageMax: '6000' })).toEqual([['工资上限（元/月）', '工资上限 6000 不能低于工资下限 8000']]);
    expect(check({ wageMin: '4,500' }).input?.wageMin).toBe(4500);
  });

  it('checks dates: real dates, deadline not in the past and not before the start date', () => {
    expect(problemsOf({ deadline: '2026-11-24' })).toEqual([['截止日期', '截止日期 2026-11-24 已过去，不能早于今天（2026-11-25）']]);
    expect(problemsOf({ startDate: '2027-02-01' })).toEqual([['截止日期', '截止日期 2027-01-31 不能早于到岗日期 2027-02-01']]);
    expect(problemsOf({ startDate: '2026-02-30' })).toEqual([['到岗日期', '“2026-02-30”不是有效日期，请按 2026-12-01 的格式填写']]);
    expect(check({ startDate: '2026-11-25', deadline: '2026-11-25' }).problems).toEqual([]);
  });

  it('requires the mandatory columns and reports every problem of a row', () => {
    const result = check({ description: undefined, title: '岗', workType: '临时工', creditCode: '9146-BAD' });
    expect(result.input).toBeNull();
    expect(result.creditCode).toBeNull();
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, '统一社会信用代码'], [2, '岗位名称'], [2, '用工形式'], [2, '岗位描述'],
    ]);
    expect(result.problems.find((p) => p.column === '岗位描述')!.message).toBe('必填，不能为空');
    expect(result.problems.find((p) => p.column === '用工形式')!.message).toMatch(/^“临时工”不在可选范围内，请填写：全职、兼职/);
  });

  it('keeps the credit code of a row with other problems, so its employer can be checked too', () => {
    expect(check({ headcount: '0' }).creditCode).toBe(CREDIT_CODE);
  });

  it('refuses malformed skills and conflicting training answers', () => {
    expect(problemsOf({ requiredSkills: '失智照护:9' })).toEqual([['技能要求', '“失智照护:9”的等级应为 1 到 5 的整数，格式如 失智照护:3;基础护理:2']]);
    expect(problemsOf({ offersTraining: '否', trainingOffered: '岗前培训 3 天' })).toEqual([['是否提供培训', '填写了培训说明时，“是否提供培训”应为“是”']]);
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-12-01', '2026-12-01'],
    ['2026/12/1', '2026-12-01'],
    ['2026.1.5', '2026-01-05'],
    ['2026年12月1日', '2026-12-01'],
    ['46357', '2026-12-01'],
    ['2026-13-01', null],
    ['下个月', null],
  ])('%s → %s', (text, expected) => expect(parseDate(text)).toBe(expected));
});
