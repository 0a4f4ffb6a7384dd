import { screenPosting } from './screen';

const codes = (text: string, context = {}): string[] =>
  [...new Set(screenPosting({ description: text }, context).findings.map((f) => f.ruleCode))].sort();

describe('screenPosting: spec examples', () => {
  it('blocks 限男性 under G1 and names the law', () => {
    const result = screenPosting({ title: '仓库管理员', requirements: '限男性，能吃苦耐劳' });
    expect(result.verdict).toBe('BLOCK');
    expect(result.ruleSetVersion).toBe('2025.1');
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleCode: 'G1',
        verdict: 'BLOCK',
        field: 'requirements',
        matchedText: '限男性',
        basis: expect.stringContaining('《中华人民共和国就业促进法》第二十七条'),
        reasonZh: expect.any(String),
        reasonEn: expect.any(String),
      }),
    ]);
  });

  it('blocks 押金200元 under F1, names the law and flags the employer', () => {
    const result = screenPosting({ description: '入职需交押金200元，做满三个月退还。' });
    expect(result.verdict).toBe('BLOCK');
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleCode: 'F1',
        matchedText: '押金',
        basis: expect.stringContaining('《中华人民共和国劳动合同法》第九条'),
        employerAction: 'flag',
      }),
    ]);
  });

  it('passes a posting with 男女不限 and 残疾人优先', () => {
    const result = screenPosting({ description: '客房服务员，男女不限，残疾人优先，月薪3800元。' });
    expect(result).toEqual({ verdict: 'PASS', ruleSetVersion: '2025.1', findings: [] });
  });

  it('masks only the exception span: 男女不限，限男性 still triggers', () => {
    expect(codes('男女不限，限男性')).toEqual(['G1']);
    expect(codes('男女不限')).toEqual([]);
  });
});

describe('screenPosting: evasions', () => {
  it.each([
    ['男 性 优 先', 'G1', '男 性 优 先'],
    ['男性優先', 'G1', '男性優先'],
    ['ｎａｎ xing you xian', 'G1', 'ｎａｎ xing you xian'],
    ['nan xing you xian', 'G1', 'nan xing you xian'],
    ['nanxingyouxian', 'G1', 'nanxingyouxian'],
    ['nan性优先', 'G1', 'nan性优先'],
    ['女士\u200b勿扰', 'G1', '女士\u200b勿扰'],
    ['押\u200b金200元', 'F1', '押\u200b金'],
    ['押金２００元', 'F1', '押金'],
    ['三十五岁以下', 'A1', '三十五岁以下'],
    ['年龄１８－３５岁', 'A1', '年龄１８－３５岁'],
    ['招 1 5 岁', 'A2', '招 1 5 岁'],
    ['扣 押 身 份 證', 'F2', '扣 押 身 份 證'],
    ['shua dan jian zhi', 'F5', 'shua dan'],
  ])('%s triggers %s and reports the span as typed', (text, code, typed) => {
    const finding = screenPosting({ description: `招聘说明：${text}` }).findings.find((f) => f.ruleCode === code);
    expect(finding?.matchedText).toBe(typed);
  });

  it('does not block Chinese text that only sounds like a rule phrase', () => {
    expect(codes('南星优先')).toEqual([]);
    expect(codes('压金')).toEqual([]);
  });

  it('reports original offsets', () => {
    const text = '岗位要求：男 性 优 先';
    const [finding] = screenPosting({ description: text }).findings;
    expect(text.slice(finding.start, finding.end)).toBe('男 性 优 先');
  });
});

describe('screenPosting: context modifiers and facts', () => {
  it('holds G1 for review on work barred to women (occupation code or keyword)', () => {
    expect(screenPosting({ description: '井下采矿工，限男性' }, { occupationCode: '6-16-01-05' }).verdict).toBe('REVIEW');
    expect(screenPosting({ description: '矿井通风工，男性优先' }).verdict).toBe('REVIEW');
    expect(screenPosting({ description: '井下支护工，女性优先' }, { occupationCode: '6-16-01-06' }).verdict).toBe('BLOCK');
    expect(screenPosting({ description: '仓库管理员，限男性' }, { occupationCode: '4-02-06-01' }).verdict).toBe('BLOCK');
  });

  it('holds a public post residence rule for review, but not a regional exclusion', () => {
    const residence = screenPosting({ description: '公益性岗位，面向本县户籍就业困难人员' }, { isPublicPost: true });
    expect(residence.verdict).toBe('REVIEW');
    expect(residence.findings[0].modifierNote).toBeDefined();
    expect(screenPosting({ description: '河南籍勿扰' }, { isPublicPost: true }).verdict).toBe('BLOCK');
  });

  it('blocks school prestige at graduate events and warns elsewhere', () => {
    expect(screenPosting({ description: '限985院校' }, { isGraduateEvent: true }).verdict).toBe('BLOCK');
    expect(screenPosting({ description: '限985院校' }).verdict).toBe('WARN');
  });

  it('raises F7 on repeat and F8 when pay is far above the norm', () => {
    expect(screenPosting({ description: '加微信详聊' }, { priorF7Count: 1 }).verdict).toBe('REVIEW');
    expect(screenPosting({ description: '加微信详聊' }).verdict).toBe('WARN');
    expect(screenPosting({ description: '月入过万' }, { monthlyWageMin: 12000, regionNormWage: 5000 }).verdict).toBe('REVIEW');
    expect(screenPosting({ description: '客服' }, { monthlyWageMin: 12000, regionNormWage: 5000 }).findings).toEqual([
      expect.objectContaining({ ruleCode: 'F8', verdict: 'REVIEW', field: 'monthlyWageMin' }),
    ]);
  });

  it('holds pay under the minimum wage for review (M2)', () => {
    const result = screenPosting({ description: '保洁员' }, { monthlyWageMin: 1800, minimumWage: 2010 });
    expect(result.verdict).toBe('REVIEW');
    expect(result.findings[0]).toMatchObject({ ruleCode: 'M2', basis: expect.stringContaining('最低工资规定') });
    expect(screenPosting({ description: '保洁员' }, { monthlyWageMin: 2010, minimumWage: 2010 }).verdict).toBe('PASS');
  });

  it('reads structured ages', () => {
    expect(codes('普工', { ageMin: 14 })).toEqual(['A2']);
    expect(codes('普工', { ageMax: 15 })).toEqual(['A2']);
    expect(codes('普工', { ageMin: 18, ageMax: 35 })).toEqual(['A1']);
    expect(codes('普工', { ageMin: 18, ageMax: 60 })).toEqual([]);
  });

  it('takes the most severe finding as the verdict', () => {
    const result = screenPosting({ description: '形象气质佳，加微信，四肢健全，限男性' });
    expect(result.findings.map((f) => f.verdict).sort()).toEqual(['BLOCK', 'REVIEW', 'WARN', 'WARN']);
    expect(result.verdict).toBe('BLOCK');
  });

  it('screens every text field and ignores empty ones', () => {
    const result = screenPosting({ title: '保安', description: '', benefits: '押金300元', extra: undefined });
    expect(result.findings.map((f) => [f.field, f.ruleCode])).toEqual([['benefits', 'F1']]);
  });
});
