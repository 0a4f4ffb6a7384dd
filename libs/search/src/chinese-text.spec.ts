import { hanBigrams, queryTerms, segmentForIndex, segmentQueryTerm } from './chinese-text';
import { initialsForIndex, pinyinInitials } from './pinyin-initials';

describe('Chinese text analysis', () => {
  it('indexes words and the words inside them', () => {
    expect(segmentForIndex('养老护理员')).toEqual(expect.arrayContaining(['养老', '护理', '护理员']));
    expect(segmentForIndex('及时跟进待处理事项')).toEqual(expect.arrayContaining(['处理', '待处理']));
    expect(segmentForIndex('持C1驾照，')).toEqual(['持', 'c1', '驾照']);
  });

  it('lists adjacent Chinese character pairs, within runs only', () => {
    expect(hanBigrams('待处理，C1驾照 待处理')).toEqual(['待处', '处理', '驾照']);
  });

  it('splits queries into terms and words', () => {
    expect(queryTerms(' 护理员，海口  HLY ')).toEqual(['护理员', '海口', 'hly']);
    expect(segmentQueryTerm('养老护理员')).toEqual(['养老', '护理员']);
  });

  it('derives pinyin initials of phrases and of their words', () => {
    expect(pinyinInitials('养老护理员')).toBe('ylhly');
    expect(initialsForIndex(['养老护理员'])).toEqual(expect.arrayContaining(['ylhly', 'hly', 'yl']));
  });
});
