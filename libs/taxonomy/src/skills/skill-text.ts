/**
 * Normal form of a skill as people write it: full-width to half-width (NFKC), lower case, no spaces or
 * punctuation, without the words around a skill that do not change it (熟练/掌握/精通…, …技能/经验/能力).
 */
const LEADING = /^(?:能够|能熟练|熟练掌握|熟练|熟悉|掌握|精通|擅长|懂得)/;
/** 会/能/懂 begin words too (会计, 能源): dropped only when the rest is a known skill (`withoutVerb`). */
const VERB = /^[会能懂]/;
const TRAILING = /(?:技能|技术|技巧|经验|能力|工作|相关|优先)+$/;
/** Everything but letters, digits and the + and # of C++ and C#. */
const NOISE = /[^\p{L}\p{N}+#]+/gu;

export function normalizeSkillText(text: string): string {
  const plain = text.normalize('NFKC').toLowerCase().replace(NOISE, '');
  const trimmed = plain.replace(LEADING, '').replace(TRAILING, '');
  // A word that is only a modifier ("技术", "熟练") stays as it is rather than becoming empty.
  return trimmed.length > 0 ? trimmed : plain;
}

/** The normal form without a leading 会/能/懂 ("会开叉车"), or null when it has none. */
export function withoutVerb(normal: string): string | null {
  const rest = normal.replace(VERB, '');
  return rest !== normal && rest.length > 0 ? rest : null;
}

/** Character bigrams of a normal form (a one-character form is its own single gram). */
export function bigrams(normal: string): string[] {
  const chars = [...normal];
  if (chars.length < 2) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return [...grams];
}
