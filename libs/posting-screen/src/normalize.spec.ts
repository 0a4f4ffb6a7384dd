import { parseChineseNumeral } from './chinese-numerals';
import { normalizePostingText, normalizeWithOrigin } from './normalize';

const norm = (text: string): string => normalizePostingText(text).normalized;

describe('normalizePostingText', () => {
  it.each([
    ['ＡＢＣ１２３', 'abc123'],
    ['押\u200b金\u200c\u200d\ufeff\u2060', '押金'],
    ['HBsAg', 'hbsag'],
    ['男性優先', '男性优先'],
    ['身份證原件交公司保管', '身份证原件交公司保管'],
  ])('folds width, invisibles, case and script: %s', (input, expected) => {
    expect(norm(input)).toBe(expected);
  });

  it.each(['男 性 优 先', '男-性-优-先', '男·性优先', '男\u3000性　优 先', '男，性，优，先', '男*性_优/先'])(
    'collapses separators between Chinese characters: %s',
    (input) => {
      expect(norm(input)).toBe('男性优先');
    },
  );

  it('keeps clause delimiters between multi-character clauses', () => {
    expect(norm('男女不限，男性需上夜班')).toBe('男女不限,男性需上夜班');
    expect(norm('欢迎女性。优先录用持证者')).toBe('欢迎女性。优先录用持证者');
  });

  it('removes spaces next to Chinese and between digits, keeps ranges', () => {
    expect(norm('押 金 2 0 0 元')).toBe('押金200元');
    expect(norm('年龄 18-35 岁')).toBe('年龄18-35岁');
    expect(norm('8:00-17:00')).toBe('8:00-17:00');
  });

  it.each([
    ['三十五岁以下', '35岁以下'],
    ['十八至三十岁', '18至30岁'],
    ['两百元', '200元'],
    ['四十周岁', '40周岁'],
    ['日赚五百', '日赚500'],
    ['一年内不得生育', '1年内不得生育'],
    ['押金贰佰元', '押金200元'],
    ['二〇二五年', '2025年'],
  ])('converts Chinese numerals: %s', (input, expected) => {
    expect(norm(input)).toBe(expected);
  });

  it.each(['第一学历', '一本院校', '两对半', '五官端正', '四肢健全', '万宁市', '千万不要', '大三阳', '五险一金', '百分百'])(
    'leaves words made of numeral characters alone: %s',
    (word) => {
      expect(norm(word)).toBe(word);
    },
  );

  it('renders toneless pinyin', () => {
    expect(normalizePostingText('男性优先').pinyin).toBe('nan xing you xian');
    expect(normalizePostingText('女士勿扰 abc').pinyin).toBe('nv shi wu rao abc');
  });

  it('maps every normalised character back to its original span', () => {
    const original = '三十五岁以下，押 金 ２００元';
    const n = normalizeWithOrigin(original);
    expect(n.text).toBe('35岁以下,押金200元');
    const span = (from: number, to: number): string => original.slice(n.originStart[from], n.originEnd[to - 1]);
    expect(span(0, 3)).toBe('三十五岁');
    const deposit = n.text.indexOf('押金');
    expect(span(deposit, deposit + 2)).toBe('押 金');
  });
});

describe('parseChineseNumeral', () => {
  it.each([
    ['十', 10],
    ['十八', 18],
    ['三十五', 35],
    ['一百零五', 105],
    ['两千', 2000],
    ['三万', 30000],
    ['一万二千', 12000],
    ['二〇二五', 2025],
  ])('%s = %d', (run, value) => {
    expect(parseChineseNumeral(run)).toBe(value);
  });
});
