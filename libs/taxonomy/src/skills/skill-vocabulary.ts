import { findDataDir, readJson } from '../data-dir';
import { bigrams, normalizeSkillText, withoutVerb } from './skill-text';

/** A canonical skill of the vocabulary (libs/taxonomy/data/skills/skill-vocabulary.json). */
export interface CanonicalSkill {
  /** Stable id, e.g. 'SK-4-03-002' (family, then a number). */
  id: string;
  zh: string;
  en: string;
  /** 2022 medium category ('4-03') or major category ('6') it belongs to; null for skills of any occupation. */
  family: string | null;
  /** Other ways people write it (the zh and en names are matched too). */
  synonyms: string[];
  /** Where the name and synonyms come from. */
  source: string;
}

export type SkillMatchKind = 'exact' | 'normalized' | 'similar';

export interface SkillMapping {
  skill: CanonicalSkill;
  kind: SkillMatchKind;
  /** The name or synonym that matched. */
  matched: string;
  /** 1 for exact and normalized matches; the bigram Dice similarity for `similar`. */
  score: number;
}

export interface SkillSuggestion {
  skill: CanonicalSkill;
  /** The name or synonym the query found. */
  matched: string;
}

/**
 * Bigram Dice similarity at or above which a text is read as a skill it does not spell out. Calibrated on the demo
 * data's 801 distinct skill names: at 0.75 seven of the ten matches it adds are wrong (矿山安全防护 → 安全防护 of
 * children, 防水卷材制造 → 防水卷材铺贴); from 0.8 they hold (叉车驾驶证 → 叉车驾驶, 植保无人机操作 → 无人机植保).
 */
export const SIMILAR_SKILL_THRESHOLD = 0.8;
/** Distinct texts remembered by `map` (skill lists repeat the same few thousand words). */
const CACHE_LIMIT = 50_000;

interface Form {
  skill: CanonicalSkill;
  text: string;
  normal: string;
  grams: string[];
}

interface RawVocabulary {
  skills: CanonicalSkill[];
}

/**
 * The skills vocabulary: canonical skills with their synonyms, and the one mapper from free text to a canonical
 * skill (exact name or synonym, then the normal form, then character-bigram similarity above
 * SIMILAR_SKILL_THRESHOLD with a single best skill). Text that fits none stays as written: skills are free text.
 */
export class SkillVocabulary {
  private static sharedInstance?: SkillVocabulary;

  private readonly list: readonly CanonicalSkill[];
  private readonly byId = new Map<string, CanonicalSkill>();
  private readonly byText = new Map<string, Form>();
  private readonly byNormal = new Map<string, Form>();
  private readonly forms: Form[] = [];
  private readonly formsByGram = new Map<string, number[]>();
  private readonly cache = new Map<string, SkillMapping | null>();

  constructor(skills: readonly CanonicalSkill[]) {
    this.list = Object.freeze(skills.map((s) => Object.freeze({ ...s, synonyms: Object.freeze([...s.synonyms]) as string[] })));
    for (const skill of this.list) {
      if (this.byId.has(skill.id)) throw new Error(`Skill id ${skill.id} is used twice`);
      this.byId.set(skill.id, skill);
      for (const text of [skill.zh, skill.en, ...skill.synonyms]) this.addForm(skill, text);
    }
  }

  /** The shipped vocabulary, read once. */
  static shared(): SkillVocabulary {
    return (SkillVocabulary.sharedInstance ??= SkillVocabulary.load());
  }

  static load(dataDir: string = findDataDir()): SkillVocabulary {
    return new SkillVocabulary(readJson<RawVocabulary>(dataDir, 'skills/skill-vocabulary.json').skills);
  }

  skills(): CanonicalSkill[] {
    return [...this.list];
  }

  skill(id: string): CanonicalSkill | undefined {
    return this.byId.get(id);
  }

  /** The canonical skill `text` means, or null when none fits (then the text is kept as written). */
  map(text: string): SkillMapping | null {
    let mapping = this.cache.get(text);
    if (mapping === undefined) {
      mapping = this.lookUp(text);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(text, mapping);
    }
    return mapping;
  }

  /** The canonical id of `text`, or undefined when no canonical skill fits. */
  canonicalId(text: string): string | undefined {
    return this.map(text)?.skill.id;
  }

  /** A skill list with the canonical id beside each name that maps to one (the matching facts carry these). */
  withIds<T extends { name: string }>(list: readonly T[]): (T & { skillId?: string })[] {
    return list.map((item) => {
      const skillId = this.canonicalId(item.name);
      return skillId === undefined ? item : { ...item, skillId };
    });
  }

  /**
   * Canonical skills for an autocomplete: names and synonyms starting with the query, then containing it, then
   * similar to it; within each, skills of `family` first (an occupation's medium and major codes), then shorter
   * names. One suggestion per skill.
   */
  suggest(query: string, limit = 10, family?: string | null): SkillSuggestion[] {
    const normal = normalizeSkillText(query);
    if (!normal) return [];
    const ranked: { form: Form; rank: number }[] = [];
    const grams = bigrams(normal);
    for (const form of this.forms) {
      let rank = form.normal.startsWith(normal) ? 0 : form.normal.includes(normal) ? 1 : -1;
      if (rank < 0 && grams.length > 1 && dice(grams, form.grams) >= 0.5) rank = 2;
      if (rank >= 0) ranked.push({ form, rank: rank * 2 + (inFamily(form.skill.family, family) ? 0 : 1) });
    }
    ranked.sort((a, b) => a.rank - b.rank || a.form.skill.zh.length - b.form.skill.zh.length || a.form.text.length - b.form.text.length);
    const out: SkillSuggestion[] = [];
    const seen = new Set<string>();
    for (const { form } of ranked) {
      if (seen.has(form.skill.id)) continue;
      seen.add(form.skill.id);
      out.push({ skill: form.skill, matched: form.text });
      if (out.length >= limit) break;
    }
    return out;
  }

  private addForm(skill: CanonicalSkill, text: string): void {
    const normal = normalizeSkillText(text);
    const known = this.byNormal.get(normal);
    if (known && known.skill !== skill) throw new Error(`Skill text ${text} (${skill.id}) is already ${known.skill.id} (${known.text})`);
    if (known) return;
    const form: Form = { skill, text, normal, grams: bigrams(normal) };
    this.byText.set(text.trim(), form);
    this.byNormal.set(normal, form);
    const index = this.forms.push(form) - 1;
    for (const gram of form.grams) {
      const list = this.formsByGram.get(gram);
      if (list) list.push(index);
      else this.formsByGram.set(gram, [index]);
    }
  }

  private lookUp(text: string): SkillMapping | null {
    const exact = this.byText.get(text.trim());
    if (exact) return { skill: exact.skill, kind: 'exact', matched: exact.text, score: 1 };
    const normal = normalizeSkillText(text);
    if (!normal) return null;
    const rest = withoutVerb(normal);
    const same = this.byNormal.get(normal) ?? (rest === null ? undefined : this.byNormal.get(rest));
    if (same) return { skill: same.skill, kind: 'normalized', matched: same.text, score: 1 };
    const grams = bigrams(normal);
    if (grams.length < 2) return null;
    const shared = new Map<number, number>();
    for (const gram of grams) for (const index of this.formsByGram.get(gram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    let best: Form | null = null;
    let bestScore = 0;
    let tied = false;
    for (const [index, count] of shared) {
      const form = this.forms[index];
      const score = (2 * count) / (grams.length + form.grams.length);
      if (score > bestScore) {
        best = form;
        bestScore = score;
        tied = false;
      } else if (score === bestScore && best && form.skill !== best.skill) tied = true;
    }
    // Two skills equally close: a guess would be as likely wrong as right, so the text stays as written.
    if (!best || tied || bestScore < SIMILAR_SKILL_THRESHOLD) return null;
    return { skill: best.skill, kind: 'similar', matched: best.text, score: bestScore };
  }
}

function dice(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  for (const gram of a) if (b.includes(gram)) shared++;
  return (2 * shared) / (a.length + b.length);
}

function inFamily(skillFamily: string | null, family: string | null | undefined): boolean {
  if (!family || !skillFamily) return false;
  return family === skillFamily || family.startsWith(`${skillFamily}-`) || skillFamily.startsWith(`${family}-`);
}
