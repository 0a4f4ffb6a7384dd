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

  it('returns nothing for empty or meaningless input', () => {
    expect(normalizer.normalize('').suggestions).toEqual([]);
    expect(normalizer.normalize('？？？').suggestions).toEqual([]);
  });
});
