import { fieldHighlighter, highlightFields, highlightSnippet, marksToHtml } from './highlight';

describe('highlight', () => {
  it('marks every occurrence, longest term first, in a short window around the first match', () => {
    expect(highlightSnippet('招聘养老护理员，护理员月薪5000', ['护理', '护理员'])).toBe('招聘养老<em>护理员</em>，<em>护理员</em>月薪5000');
    const long = `${'前'.repeat(40)}待处理事项${'后'.repeat(80)}`;
    const snippet = highlightSnippet(long, ['处理'])!;
    expect(snippet).toMatch(/^…前+待<em>处理<\/em>事项后+…$/);
    expect(snippet.replace(/<\/?em>|…/g, '').length).toBe(60);
  });

  it('escapes the text, so a snippet is safe HTML', () => {
    expect(highlightSnippet('<b>电工</b> & 焊工', ['电工'])).toBe('&lt;b&gt;<em>电工</em>&lt;/b&gt; &amp; 焊工');
    expect(marksToHtml('<i>\u0001电工\u0002', '\u0001', '\u0002')).toBe('&lt;i&gt;<em>电工</em>');
  });

  it('is case-insensitive and absent when nothing matches', () => {
    expect(highlightSnippet('持C1驾照', ['c1'])).toBe('持<em>C1</em>驾照');
    expect(highlightSnippet('电工', ['焊工'])).toBeUndefined();
    expect(highlightFields([{ field: 'title', text: '电工' }], ['焊工'])).toBeUndefined();
    expect(highlightFields([{ field: 'title', text: '电工' }, { field: 'description', text: '焊工' }], ['焊工'])).toEqual({ description: '<em>焊工</em>' });
  });

  it('gives every document of a page the same snippets with one compiled pattern as field by field', () => {
    const terms = ['护理', '护理员'];
    const documents = [
      [{ field: 'title', text: '养老护理员' }, { field: 'description', text: '招聘护理员，护理经验优先，护理员月薪5000' }],
      [{ field: 'title', text: '电工' }, { field: 'description', text: '无' }],
      [{ field: 'title', text: '护理员（夜班）' }, { field: 'description', text: '' }],
    ];
    const highlight = fieldHighlighter(terms);
    const oneByOne = (fields: { field: string; text: string }[]) => {
      const snippets = Object.fromEntries(fields.map(({ field, text }) => [field, highlightSnippet(text, terms)]).filter(([, snippet]) => snippet));
      return Object.keys(snippets).length ? snippets : undefined;
    };
    for (const fields of [...documents, ...documents]) expect(highlight(fields)).toEqual(oneByOne(fields));
    expect(highlight(documents[0])!.description).toBe('招聘<em>护理员</em>，<em>护理</em>经验优先，<em>护理员</em>月薪5000');
    expect(fieldHighlighter([])(documents[0])).toBeUndefined();
  });
});
