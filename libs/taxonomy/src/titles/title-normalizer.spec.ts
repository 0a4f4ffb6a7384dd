import { TitleNormalizer } from './title-normalizer';

describe('TitleNormalizer (shipped dictionary)', () => {
  const normalizer = TitleNormalizer.shared();
  const first = (title: string) => normalizer.normalize(title).suggestions[0];

  it('puts 中式烹调师 first for 厨师, also with modifiers, brackets and a Hainan place name', () => {
    expect(first('厨师')).toMatchObject({ code: '4-03-02-01', alias: '厨师', method: 'exact', confidence: 1 });
    expect(first('海口急招资深厨师（男）')?.code).toBe('4-03-02-01');
  });

  it('maps 程序员 and java开发 to 计算机软件工程技术人员', () => {
    expect(first('程序员')?.code).toBe('2-02-10-03');
    expect(first('java开发')?.code).toBe('2-02-10-03');
    expect(first('高级Java开发工程师')?.code).toBe('2-02-10-03');
  });

  it('maps 月嫂 and 保姆 to 家政服务员 (the 母婴护理员 job type of the national standard)', () => {
    expect(first('月嫂')?.code).toBe('4-10-01-06');
    expect(first('住家保姆')?.code).toBe('4-10-01-06');
  });

  it('maps 律师 to 律师, not 钢琴调律师', () => {
    expect(first('律师')?.code).toBe('2-07-04-00');
    expect(normalizer.normalize('律师').suggestions.map((s) => s.code)).not.toContain('4-12-05-02');
  });

  it.each(['技术员', '顾问', '助理', '专员', '储备干部', '高级技术员', '实习生'])('gives the generic title %s no suggestion', (title) => {
    const result = normalizer.normalize(title);
    expect(result.suggestions).toEqual([]);
    expect(result.generic).toBe(true);
  });

  it('keeps a generic ending when the words before it name the work', () => {
    expect(first('销售助理')?.code).toBe('4-01-02-01');
    expect(first('电子商务专员')?.code).toBe('4-01-06-01');
  });

  it('reads pinyin, full or initials, for Latin input', () => {
    expect(first('chushi')?.code).toBe('4-03-02-01');
    expect(normalizer.normalize('cxy').suggestions.slice(0, 3).map((s) => s.code)).toContain('2-02-10-03');
  });

  it('splits titles that list several jobs and keeps the best-matched one', () => {
    expect(first('厨师/帮厨')?.code).toBe('4-03-02-01');
  });

  it('offers the other parts of a multi-job title after the best one', () => {
    const codes = normalizer.normalize('厨师/保洁').suggestions.map((s) => s.code);
    expect(codes[0]).toBe('4-03-02-01');
    expect(codes).toContain('4-09-08-01');
  });

  it('offers the words inside an exact alias as weaker second readings', () => {
    const [top, ...rest] = normalizer.normalize('淘宝客服').suggestions;
    expect(top).toMatchObject({ method: 'exact', confidence: 1 });
    expect(rest.map((s) => s.code)).toContain('4-07-02-03');
    for (const s of rest) expect(s.confidence).toBeLessThanOrEqual(0.5);
  });

  it('does not guess from one shared job-suffix bigram (切料工 is not 开料工 or 下料工), but a single word still reads', () => {
    expect(normalizer.normalize('切料工').suggestions).toEqual([]);
    expect(first('接待')?.code).toBe('3-01-01-01');
  });

  it('reads an assistant of an organisation head as a secretary, not as the head', () => {
    expect(first('厂长助理')?.code).toBe('3-01-02-02');
  });

  it('returns nothing for empty or meaningless input', () => {
    expect(normalizer.normalize('').suggestions).toEqual([]);
    expect(normalizer.normalize('？？？').suggestions).toEqual([]);
  });
});
