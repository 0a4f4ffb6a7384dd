import { RULE_SET_VERSION } from './rules';
import { screenPosting } from './screen';

const codes = (text: string, context = {}): string[] =>
  [...new Set(screenPosting({ description: text }, context).findings.map((f) => f.ruleCode))].sort();

describe('screenPosting: spec examples', () => {
  it('blocks 限男性 under G1 and names the law', () => {
    const result = screenPosting({ title: '仓库管理员', requirements: '限男性，能吃苦耐劳' });
    expect(result.verdict).toBe('BLOCK');
    expect(result.ruleSetVersion).toBe(RULE_SET_VERSION);
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
    expect(result).toEqual({ verdict: 'PASS', ruleSetVersion: RULE_SET_VERSION, findings: [] });
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

  it('blocks school prestige at graduate events, holds it as a condition elsewhere and warns about a preference', () => {
    expect(screenPosting({ description: '限985院校' }, { isGraduateEvent: true }).verdict).toBe('BLOCK');
    expect(screenPosting({ description: '限985院校' }).verdict).toBe('REVIEW');
    expect(screenPosting({ description: '985院校毕业优先' }).verdict).toBe('WARN');
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

describe('screenPosting: scope and negation (issue 15)', () => {
  it.each([
    '户口不限',
    '男女不限',
    '无需任何押金',
    '不收报名费',
    '不收取任何费用',
    '无模卡无押金',
    '本公司直招，不需要培训，押金',
    '押金：无',
    '你可以没有211、985的学位证书',
    '可为非上海户籍人员办理居住证',
    '不限身高、学历、形象',
  ])('a denied or waived condition triggers nothing: %s', (text) => {
    expect(codes(text)).toEqual([]);
  });

  it.each([
    ['只招男工', 'G1'],
    ['只要本地户口', 'H1'],
    ['无需经验，押金200元', 'F1'],
    ['免费培训，培训费从工资扣', 'F1'],
    ['男女不限，限男性', 'G1'],
  ])('an asserted condition triggers: %s', (text, code) => {
    expect(codes(text)).toContain(code);
  });

  it('warns about costs the worker bears (lawful when disclosed) without holding the posting', () => {
    const result = screenPosting({ description: '包住宿，水电平摊' });
    expect(result.verdict).toBe('WARN');
    expect(result.findings[0]).toEqual(expect.objectContaining({ ruleCode: 'C1', matchedText: '水电平摊', basis: expect.stringContaining('劳动合同法') }));
  });
});

describe('screenPosting: one example per rule, with verdict, matched words and law (rule set 2026.2)', () => {
  it.each([
    ['G1', '要求：女性，18-30岁', 'BLOCK', '女性', '妇女权益保障法'],
    ['G2', '限已婚已育', 'BLOCK', '已婚', '妇女权益保障法'],
    ['E1', '四大民族已满', 'BLOCK', '四大民族已满', '就业促进法》第三条、第二十八条'],
    ['R1', '穆斯林勿扰', 'BLOCK', '穆斯林勿扰', '就业促进法'],
    ['H1', '1、上海户籍。', 'BLOCK', '上海户籍', '第三十一条'],
    ['D1', '需查乙肝两对半', 'BLOCK', '乙肝', '第三十条'],
    ['D2', '四肢健全', 'REVIEW', '四肢健全', '第二十九条'],
    ['D3', '身体健康，无传染疾病', 'REVIEW', '无传染疾病', '食品安全法'],
    ['A1', '年龄35岁以下', 'WARN', '35岁以下', '无法律明文禁止'],
    ['A2', '招15岁', 'BLOCK', '招15岁', '劳动法'],
    ['S1', '重点大学硕士及以上学历', 'REVIEW', '重点大学', '人力资源市场暂行条例'],
    ['S2', '重点大学英语专业优先', 'WARN', '重点大学英语专业优先', '教育部'],
    ['P1', '形象气质佳', 'WARN', '形象气质佳', '就业促进法'],
    ['P2', '身高165CM以上', 'REVIEW', '身高165', '第二十四条'],
    ['P3', '属虎的勿扰', 'REVIEW', '属虎的勿扰', '就业促进法'],
    ['F1', '入职交押金200元', 'BLOCK', '押金', '劳动合同法》第九条'],
    ['F2', '身份证原件交公司保管', 'BLOCK', '身份证原件交公司保管', '第八十四条'],
    ['F3', '培训贷', 'BLOCK', '培训贷', '60号'],
    ['F4', '实习offer每个岗位8000元，通过率100%', 'BLOCK', '8000元', '人力资源市场暂行条例'],
    ['F5', '淘宝号无黑号，无风控', 'BLOCK', '淘宝号无黑号', '反电信网络诈骗法'],
    ['F6', '余款登机前一次性付清', 'REVIEW', '登机前一次性付清', '对外劳务合作管理条例'],
    ['F7', '联系电话13800000000（微信同号）', 'WARN', '微信', '60号'],
    ['F8', '优秀者轻松过万', 'WARN', '轻松过万', '60号'],
    ['F9', '急聘网络打字员工30元/千字', 'REVIEW', '打字员工30元/千字', '人力资源市场暂行条例'],
    ['F10', '按照客服要求进行实名认证，认证完后交单', 'REVIEW', '按照客服要求进行实名认证', '反电信网络诈骗法'],
    ['F11', '足不出户日赚千元', 'REVIEW', '足不出户', '人力资源市场暂行条例'],
    ['F12', '华润集团扩招3万大学生', 'REVIEW', '扩招3万', '人力资源市场暂行条例'],
    ['C1', '住宿费自理', 'WARN', '住宿费自理', '劳动合同法》第八条'],
  ])('%s: %s', (code, text, verdict, matched, law) => {
    const finding = screenPosting({ description: text }).findings.find((f) => f.ruleCode === code);
    expect(finding).toEqual(expect.objectContaining({ verdict, basis: expect.stringContaining(law) }));
    expect(finding!.matchedText).toContain(matched);
  });

  it('holds a headcount far beyond the employer size and blocks a fee in the structured fields', () => {
    expect(screenPosting({ description: '理货员' }, { headcount: 500, employerStaffMax: 50 }).findings).toEqual([
      expect.objectContaining({ ruleCode: 'F12', verdict: 'REVIEW', field: 'headcount' }),
    ]);
    expect(screenPosting({ description: '理货员' }, { headcount: 40, employerStaffMax: 50 }).verdict).toBe('PASS');
    expect(screenPosting({ description: '理货员' }, { seekerFeeYuan: 300 }).findings).toEqual([
      expect.objectContaining({ ruleCode: 'F1', verdict: 'BLOCK', field: 'seekerFeeYuan' }),
    ]);
  });
});
