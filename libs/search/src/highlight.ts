const SNIPPET_LENGTH = 60;
const LEAD = 15;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The terms as one case-insensitive pattern, longer terms first (so they win over their parts); undefined for none. */
function termPattern(terms: readonly string[]): RegExp | undefined {
  const unique = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  return unique.length > 0 ? new RegExp(unique.map(escapeRegExp).join('|'), 'giu') : undefined;
}

function snippet(text: string, pattern: RegExp): string | undefined {
  if (!text) return undefined;
  const first = text.search(pattern);
  if (first < 0) return undefined;
  const start = Math.max(0, first - LEAD);
  const end = Math.min(text.length, start + SNIPPET_LENGTH);
  const window = text.slice(start, end);
  let html = '';
  let last = 0;
  for (const match of window.matchAll(pattern)) {
    html += `${escapeHtml(window.slice(last, match.index))}<em>${escapeHtml(match[0])}</em>`;
    last = match.index + match[0].length;
  }
  html += escapeHtml(window.slice(last));
  return `${start > 0 ? '…' : ''}${html}${end < text.length ? '…' : ''}`;
}

/**
 * A short snippet of `text` around the first match of any term, HTML-escaped, with every match wrapped in
 * <em>…</em>. Undefined when no term occurs. Case-insensitive; longer terms win over their parts.
 */
export function highlightSnippet(text: string, terms: readonly string[]): string | undefined {
  const pattern = termPattern(terms);
  return pattern && snippet(text, pattern);
}

/** Snippets for every field in which a term occurs; undefined when none does. */
export function highlightFields(fields: readonly { field: string; text: string }[], terms: readonly string[]): Record<string, string> | undefined {
  return fieldHighlighter(terms)(fields);
}

/**
 * `highlightFields` for many documents with the same terms: the terms' pattern is compiled once (a page of 20 hits
 * has ~120 fields), not once per field.
 */
export function fieldHighlighter(terms: readonly string[]): (fields: readonly { field: string; text: string }[]) => Record<string, string> | undefined {
  const pattern = termPattern(terms);
  return (fields) => {
    if (!pattern) return undefined;
    const highlight: Record<string, string> = {};
    for (const { field, text } of fields) {
      const html = snippet(text, pattern);
      if (html) highlight[field] = html;
    }
    return Object.keys(highlight).length > 0 ? highlight : undefined;
  };
}

/** Wraps Meilisearch's own highlight marks (chosen control characters) in <em> after escaping the text. */
export function marksToHtml(marked: string, pre: string, post: string): string {
  return escapeHtml(marked).split(pre).join('<em>').split(post).join('</em>');
}
