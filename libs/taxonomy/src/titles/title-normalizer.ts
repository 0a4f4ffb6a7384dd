import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { findDataDir, readCsv } from '../data-dir';

/** How a suggestion was found, strongest first. */
export type TitleMatchMethod = 'exact' | 'head' | 'contains' | 'ngram' | 'pinyin';

export interface TitleSuggestion {
  code: string;
  /** 0..1; `exact` matches are 1, fuzzy ones lower. Suggestions under the calibrated threshold are not returned. */
  confidence: number;
  /** The alias (or occupation name) that matched, lower case. */
  alias: string;
  method: TitleMatchMethod;
}

export interface TitleNormalization {
  /** The title after modifiers (高级, 急招, 男/女, numbers, place names, brackets …) were removed. */
  cleaned: string;
  /** True when the title names no occupation on its own (助理, 技术员 …): then there are no suggestions. */
  generic: boolean;
  suggestions: TitleSuggestion[];
}

export interface TitleAlias {
  alias: string;
  code: string;
  source: string;
}

export interface TitleNormalizerData {
  aliases: readonly TitleAlias[];
  /** Titles that name no occupation (generic-titles.txt). */
  generic: readonly string[];
  /** Place names stripped from titles (Hainan counties, districts and townships, and large cities). */
  places: readonly string[];
}

/**
 * Fuzzy (character-bigram Dice) matches below this score are dropped. Calibrated on the dev split of the evaluation
 * set (libs/taxonomy/data/eval/README.md): of 0.3 … 0.7, 0.34 … 0.5 tie on top-1 minus wrong first suggestions plus
 * the generic abstention share there (dev, 2026-12-07: 0.907 top-1, 0.042 wrong, 0.98 generic left alone); 0.4 kept.
 * A fuzzy match also needs two shared bigrams, or one that is the title's own head word (see `ngram`).
 */
export const NGRAM_THRESHOLD = 0.4;
const PERSON_SUFFIX = /[工员师手长人生嫂姆匠家]$/;
const JOB_SUFFIX = /[工员师手长人生]$/;

const MODIFIER_PREFIXES = [
  '急招', '急聘', '诚聘', '诚招', '高薪诚聘', '高薪招聘', '高薪聘', '高薪', '招聘', '聘请', '直招',
  '资深', '高级', '中级', '初级', '特级', '一级', '二级', '三级', '金牌', '星级', '专业', '熟练', '有经验',
  '实习', '见习', '储备', '兼职', '全职', '临时', '长期', '短期', '驻场', '驻厂', '外派', '日结', '急', '男女',
  '男', '女', '本地', '包吃住', '包住', '五险', '双休', '大量', '若干', '优秀', '首席',
];
const MODIFIER_SUFFIXES = [
  '学徒', '实习生', '若干名', '若干', '数名', '急聘', '急招', '优先', '师傅', '（男）', '（女）', '男', '女',
  '包吃住', '包住', '双休', '长白班', '可兼职', '兼职', '全职', '岗位', '岗', '人员', '一名', '多名', '大量',
];

const CJK = /[\u4e00-\u9fff]/;
/** Seniority words dropped wherever they stand (大数据高级工程师 → 大数据工程师). */
const INNER_MODIFIERS = /中高级|高级|资深|初级|中级/g;

/** Full-width ASCII to half-width, lower case. */
function fold(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase();
}

const LATIN = /[a-z0-9]/;

/** A Latin alias found inside a title must not be part of a longer Latin word (coo is not in cook; java is in java开发). */
function wordBounded(text: string, at: number, alias: string): boolean {
  if (LATIN.test(alias[0]) && at > 0 && /[a-z]/.test(text[at - 1])) return false;
  const end = at + alias.length;
  return !(LATIN.test(alias[alias.length - 1]) && end < text.length && /[a-z]/.test(text[end]));
}

function bigrams(text: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i < text.length - 1; i++) grams.push(text.slice(i, i + 2));
  return grams.length ? grams : [text];
}

interface AliasEntry {
  alias: string;
  codes: string[];
  /** distinct character bigrams of the alias */
  grams: number;
}

/**
 * Everyday job title → ranked 2022 occupation codes. Pure and synchronous: built once from data, then each
 * `normalize` call is a few dictionary look-ups (well under a millisecond). Steps: fold and strip modifiers,
 * exact alias, generic title (no suggestion), head word (the longest alias the title ends with), an alias contained
 * in the title, then character-bigram similarity and pinyin (full or initials, for Latin input) with a threshold.
 */
export class TitleNormalizer {
  private static sharedInstance?: TitleNormalizer;
  private readonly exact = new Map<string, AliasEntry>();
  private readonly byLength: AliasEntry[];
  private readonly generic: Set<string>;
  private readonly places: string[];
  private readonly gramIndex = new Map<string, AliasEntry[]>();
  private pinyinIndex?: Map<string, AliasEntry[]>;

  constructor(
    data: TitleNormalizerData,
    private readonly ngramThreshold = NGRAM_THRESHOLD,
  ) {
    for (const { alias, code } of data.aliases) {
      const key = fold(alias);
      const entry = this.exact.get(key) ?? { alias: key, codes: [], grams: new Set(bigrams(key)).size };
      if (!entry.codes.includes(code)) entry.codes.push(code);
      this.exact.set(key, entry);
    }
    this.generic = new Set(data.generic.map(fold));
    for (const key of this.generic) this.exact.delete(key);
    this.byLength = [...this.exact.values()].sort((a, b) => b.alias.length - a.alias.length);
    for (const entry of this.byLength) {
      for (const gram of new Set(bigrams(entry.alias))) {
        const list = this.gramIndex.get(gram) ?? [];
        list.push(entry);
        this.gramIndex.set(gram, list);
      }
    }
    this.places = [...new Set(data.places.filter((p) => p.length >= 2))].sort((a, b) => b.length - a.length);
  }

  /** The process-wide normalizer over the shipped data (libs/taxonomy/data/titles). */
  static shared(): TitleNormalizer {
    return (TitleNormalizer.sharedInstance ??= new TitleNormalizer(loadTitleNormalizerData()));
  }

  normalize(title: string, limit = 5): TitleNormalization {
    const parts = this.parts(title);
    let best: TitleNormalization = { cleaned: parts[0] ?? '', generic: parts.length === 0, suggestions: [] };
    let allGeneric = parts.length > 0;
    for (const part of parts) {
      const result = this.normalizePart(part, limit);
      if (!result.generic) allGeneric = false;
      const top = result.suggestions[0]?.confidence ?? 0;
      if (top > (best.suggestions[0]?.confidence ?? 0)) best = result;
    }
    if (!best.suggestions.length) return { ...best, generic: allGeneric };
    if (parts.length === 1) return best;
    // a title naming several jobs (网站运营/内容运营): the best part's readings first, then the other parts' ones
    const merged = [...best.suggestions];
    for (const part of parts) {
      if (part === best.cleaned) continue;
      for (const suggestion of this.normalizePart(part, limit).suggestions) {
        if (!merged.some((s) => s.code === suggestion.code)) merged.push({ ...suggestion, confidence: Math.round(suggestion.confidence * 900) / 1000 });
      }
    }
    return { ...best, suggestions: merged.sort((a, b) => b.confidence - a.confidence).slice(0, limit) };
  }

  /** The title split into its job names ('厨师/帮厨' → two), each folded and stripped of modifiers. */
  private parts(title: string): string[] {
    const spaced = title.trim().split(/\s+/);
    // 置 业 顾 问: letters spaced out for emphasis
    if (spaced.length > 1 && spaced.every((part) => part.length === 1)) title = spaced.join('');
    const folded = fold(title)
      .replace(/[([【（][^)\]】）]*[)\]】）]/g, ' ')
      .replace(/[([【（].*$/, ' ')
      .replace(/(?<![+a-z])\+.*$/, ' ');
    return folded
      .split(/[/、,，;；|\\]|\s+-\s+|\s+/)
      .map((part) => this.strip(part))
      .filter((part) => part.length > 0);
  }

  private strip(part: string): string {
    let text = part.replace(/(?<![a-z])[\d.]+(k|w|万|千|元|人|名|年)?/g, '');
    text = text.replace(/[-_:：~～·•*#!！?？"'“”‘’]/g, '').trim();
    if (!this.exact.has(text)) text = text.replace(INNER_MODIFIERS, (m, offset: number) => (offset > 0 && text.length > m.length + 1 ? '' : m));
    for (const place of this.places) if (text.length > place.length + 1 && text.includes(place)) text = text.replace(place, '');
    for (let changed = true; changed; ) {
      changed = false;
      if (this.exact.has(text) || this.generic.has(text)) break;
      for (const prefix of MODIFIER_PREFIXES) {
        if (text.startsWith(prefix) && text.length > prefix.length) {
          text = text.slice(prefix.length);
          changed = true;
          break;
        }
      }
      for (const suffix of MODIFIER_SUFFIXES) {
        if (text.endsWith(suffix) && text.length > suffix.length + 1 && !this.exact.has(text) && !this.generic.has(text)) {
          text = text.slice(0, -suffix.length);
          changed = true;
          break;
        }
      }
    }
    return text;
  }

  private normalizePart(text: string, limit: number): TitleNormalization {
    const scores = new Map<string, TitleSuggestion>();
    const offer = (entry: AliasEntry, confidence: number, method: TitleMatchMethod) => {
      entry.codes.forEach((code, index) => {
        // one alias naming several occupations: the first listed is the usual one
        const value = Math.round(confidence * (index === 0 ? 1 : 0.9) * 1000) / 1000;
        const current = scores.get(code);
        if (!current || current.confidence < value) scores.set(code, { code, confidence: value, alias: entry.alias, method });
      });
    };
    const result = (generic: boolean): TitleNormalization => ({
      cleaned: text,
      generic,
      suggestions: [...scores.values()].sort((a, b) => b.confidence - a.confidence).slice(0, limit),
    });

    const exact = this.exact.get(text);
    if (exact) {
      offer(exact, 1, 'exact');
      this.backoff(text, exact, offer);
      return result(false);
    }
    if (this.generic.has(text)) return result(true);
    if (!CJK.test(text)) {
      // initials are ambiguous (cxy: 程序员, 促销员): the shortest aliases first, all offered
      this.pinyinLookup(text.replace(/\s+/g, '')).forEach((hit, index) => offer(hit, 0.8 - 0.02 * index, 'pinyin'));
    }
    // a generic ending (技术员, 助理 …) counts only when what precedes it names the work (销售助理, not 研发助理)
    const genericEnd = this.genericEnding(text);
    const scope = genericEnd ? text.slice(0, text.length - genericEnd.length) : text;
    if (genericEnd && scope.length < 2) return result(true);
    // the title is an alias plus a generic ending (电子商务专员, 销售助理): the strongest reading
    const scoped = genericEnd ? this.exact.get(scope) : undefined;
    if (scoped) offer(scoped, 0.93, 'head');
    // head word: the longest alias the title ends with (酒店厨师 → 厨师), then the longest ones it contains; with a
    // generic ending, only aliases reaching into the part before it count (运营软件工程师 → 软件工程师)
    for (const entry of this.byLength) {
      if (entry.alias.length > text.length || entry.alias.length < 2) continue;
      if (text.endsWith(entry.alias) && (!genericEnd || entry.alias.length > genericEnd.length) && wordBounded(text, text.length - entry.alias.length, entry.alias)) {
        offer(entry, 0.75 + 0.2 * (entry.alias.length / text.length), 'head');
        break;
      }
    }
    let contained = 0;
    for (const entry of this.byLength) {
      if (contained >= 3) break;
      if (entry.alias.length > text.length || entry.alias.length < 2) continue;
      const at = text.indexOf(entry.alias);
      if (at >= 0 && at < scope.length && wordBounded(text, at, entry.alias)) {
        // an alias inside the part before a generic ending beats one straddling it (电子商务专员: 电子商务, not 商务专员)
        const inside = genericEnd && at + entry.alias.length <= scope.length ? 0.05 : 0;
        offer(entry, (0.6 + 0.3 * (entry.alias.length / text.length) + inside) * (contained === 0 ? 1 : 0.8), 'contains');
        contained++;
      }
    }
    if (genericEnd && scores.size === 0) return result(true);
    this.ngram(scope, offer, scores.size === 0 ? 1 : 0.6);
    return result(false);
  }

  /**
   * Second readings of a title that is itself an alias, offered well below it so they fill the 2nd and 3rd places:
   * the aliases the title ends with or contains (内容运营: 运营 …).
   */
  private backoff(text: string, self: AliasEntry, offer: (entry: AliasEntry, confidence: number, method: TitleMatchMethod) => void): void {
    let found = 0;
    for (const entry of this.byLength) {
      if (found >= 2) break;
      if (entry === self || entry.alias.length >= text.length || entry.alias.length < 2) continue;
      const at = text.indexOf(entry.alias);
      if (at >= 0 && wordBounded(text, at, entry.alias)) {
        offer(entry, 0.5 * (text.endsWith(entry.alias) ? 1 : 0.9) * (found === 0 ? 1 : 0.9), text.endsWith(entry.alias) ? 'head' : 'contains');
        found++;
      }
    }
  }

  /** The longest generic word the title ends with, if any (高级技术员 → 技术员). */
  private genericEnding(text: string): string | undefined {
    let longest: string | undefined;
    for (const word of this.generic) {
      if (word.length >= 2 && text.endsWith(word) && word.length < text.length && (!longest || word.length > longest.length)) longest = word;
    }
    return longest;
  }

  /** Up to three aliases by character-bigram Dice similarity at or above the threshold, scaled by `weight`. */
  private ngram(
    text: string,
    offer: (entry: AliasEntry, confidence: number, method: TitleMatchMethod) => void,
    weight: number,
  ): void {
    const grams = new Set(bigrams(text));
    // One shared bigram is weak evidence unless the title is a single word (接待 → 接待员) or the shared bigram is the
    // title's head word (培训助教 → 助教); a head that is only a job suffix (投料工 ~ 开料工 share 料工) is not enough.
    const last = text.slice(-2);
    const headOk = grams.size === 1 || !JOB_SUFFIX.test(last);
    const overlap = new Map<AliasEntry, number>();
    for (const gram of grams) for (const entry of this.gramIndex.get(gram) ?? []) overlap.set(entry, (overlap.get(entry) ?? 0) + 1);
    const ranked: { entry: AliasEntry; dice: number }[] = [];
    for (const [entry, shared] of overlap) {
      if (shared < 2 && !(headOk && entry.alias.includes(last))) continue;
      const dice = (2 * shared) / (grams.size + entry.grams);
      if (dice >= this.ngramThreshold) ranked.push({ entry, dice });
    }
    ranked.sort((a, b) => b.dice - a.dice || a.entry.alias.length - b.entry.alias.length);
    for (const { entry, dice } of ranked.slice(0, 3)) offer(entry, 0.7 * dice * weight, 'ngram');
  }

  private pinyinLookup(latin: string): AliasEntry[] {
    if (latin.length < 2) return [];
    if (!this.pinyinIndex) {
      this.pinyinIndex = new Map();
      // shortest first; among equally long ones, words naming a person (厨师, 保姆) before words naming an activity
      // (测试): both read cs, and people type a job title's initials
      const person = (alias: string) => (PERSON_SUFFIX.test(alias) ? 0 : 1);
      const ordered = [...this.byLength].reverse().sort((a, b) => a.alias.length - b.alias.length || person(a.alias) - person(b.alias));
      for (const entry of ordered) {
        if (!/^[\u4e00-\u9fff]+$/.test(entry.alias)) continue;
        const syllables = pinyin(entry.alias, { toneType: 'none', type: 'array' });
        for (const key of new Set([syllables.join(''), syllables.map((s) => s[0]).join('')])) {
          const list = this.pinyinIndex.get(key) ?? [];
          if (list.length < 5) list.push(entry);
          this.pinyinIndex.set(key, list);
        }
      }
    }
    return this.pinyinIndex.get(latin) ?? [];
  }
}

/** Reads the shipped alias dictionary, generic titles and place names. */
export function loadTitleNormalizerData(dataDir: string = findDataDir()): TitleNormalizerData {
  const aliases = readCsv(dataDir, join('titles', 'aliases.csv')).map((row) => ({ alias: row.alias, code: row.code, source: row.source }));
  const generic = readFileSync(join(dataDir, 'titles', 'generic-titles.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const places = readFileSync(join(dataDir, 'titles', 'places.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  return { aliases, generic, places };
}
