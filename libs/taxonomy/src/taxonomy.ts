import { findDataDir } from './data-dir';
import { loadIndustries } from './load-industries';
import { loadOccupations } from './load-occupations';
import { loadRegions, loadTownships } from './load-regions';
import { loadCertificates, loadSkillLevels } from './load-skills';
import { TaxonomySearch } from './taxonomy-search';
import { loadTitleNormalizerData, TitleNormalization, TitleNormalizer, TitleSuggestion } from './titles/title-normalizer';
import { TaxonomyCodeError } from './taxonomy-code.error';
import {
  Certificate,
  EightGradeStep,
  Industry,
  IndustryLevel,
  Occupation,
  OccupationLevel,
  Region,
  SkillLevel,
  Township,
} from './taxonomy.types';

function byCode<T extends { code: string }>(records: readonly T[]): Map<string, T> {
  return new Map(records.map((r) => [r.code, r]));
}

function groupBy<T, K>(records: readonly T[], keysOf: (record: T) => (K | null | undefined)[]): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const record of records) {
    for (const key of keysOf(record)) {
      if (key === null || key === undefined) continue;
      const group = groups.get(key);
      if (group) group.push(record);
      else groups.set(key, [record]);
    }
  }
  return groups;
}

function freezeAll<T extends object>(records: T[]): readonly T[] {
  records.forEach((r) => Object.freeze(r));
  return Object.freeze(records);
}

/**
 * Reference taxonomies (occupations, industries, Hainan regions and townships, certificates, skill levels),
 * read once from the shipped data and indexed. No Nest dependency; `TaxonomyModule` provides `shared()`.
 * Lists are returned as fresh arrays of frozen records.
 */
export class Taxonomy {
  private static sharedInstance?: Taxonomy;

  private readonly occupationList: readonly Occupation[];
  private readonly occupationByCode: Map<string, Occupation>;
  private readonly occupationsByParent: Map<string, Occupation[]>;
  private readonly occupationSearch: TaxonomySearch<Occupation>;
  private titleNormalizer?: TitleNormalizer;

  private readonly industryList: readonly Industry[];
  private readonly industryByCode: Map<string, Industry>;
  private readonly industriesByParent: Map<string, Industry[]>;
  private readonly industrySearch: TaxonomySearch<Industry>;

  private readonly regionList: readonly Region[];
  private readonly regionByCode: Map<string, Region>;
  private readonly regionsByParent: Map<string, Region[]>;

  private readonly townshipList: readonly Township[];
  private readonly townshipByCode: Map<string, Township>;
  /** townships by their county and by every region above it */
  private readonly townshipsByRegion: Map<string, Township[]>;

  private readonly certificateList: readonly Certificate[];
  private readonly certificateByCode: Map<string, Certificate>;
  private certificateSearch?: TaxonomySearch<Certificate>;

  private readonly skillLevelList: readonly SkillLevel[];
  private readonly ladder: readonly EightGradeStep[];

  /** The process-wide instance, loaded on first use. */
  static shared(): Taxonomy {
    return (Taxonomy.sharedInstance ??= Taxonomy.load());
  }

  /** A new instance read from `dataDir` (default: the shipped `libs/taxonomy/data`). */
  static load(dataDir: string = findDataDir()): Taxonomy {
    return new Taxonomy(dataDir);
  }

  private constructor(private readonly dataDir: string) {
    this.occupationList = freezeAll(loadOccupations(dataDir));
    this.occupationByCode = byCode(this.occupationList);
    this.occupationsByParent = groupBy(this.occupationList, (o) => [o.parentCode]);
    this.occupationSearch = new TaxonomySearch(this.occupationList);

    this.industryList = freezeAll(loadIndustries(dataDir));
    this.industryByCode = byCode(this.industryList);
    this.industriesByParent = groupBy(this.industryList, (i) => [i.parentCode]);
    this.industrySearch = new TaxonomySearch(this.industryList);

    this.regionList = freezeAll(loadRegions(dataDir));
    this.regionByCode = byCode(this.regionList);
    this.regionsByParent = groupBy(this.regionList, (r) => [r.parentCode]);

    this.townshipList = freezeAll(loadTownships(dataDir));
    this.townshipByCode = byCode(this.townshipList);
    this.townshipsByRegion = groupBy(this.townshipList, (t) => this.regionPath(t.countyCode));

    this.certificateList = freezeAll(loadCertificates(dataDir));
    this.certificateByCode = byCode(this.certificateList);

    const { levels, ladder } = loadSkillLevels(dataDir);
    this.skillLevelList = freezeAll(levels);
    this.ladder = freezeAll(ladder);
  }

  // ---- occupations (职业分类大典 2022) ----

  occupation(code: string): Occupation | undefined {
    return this.occupationByCode.get(code);
  }

  /** @throws TaxonomyCodeError if the code is unknown or (when `level` is given) of another level */
  requireOccupation(code: string, level?: OccupationLevel): Occupation {
    const occupation = this.occupationByCode.get(code);
    if (!occupation) throw new TaxonomyCodeError('occupation', code);
    if (level !== undefined && occupation.level !== level) throw new TaxonomyCodeError('occupation', code, level);
    return occupation;
  }

  /** In code order. */
  occupations(level?: OccupationLevel): Occupation[] {
    return level === undefined ? [...this.occupationList] : this.occupationList.filter((o) => o.level === level);
  }

  occupationParent(code: string): Occupation | undefined {
    const parentCode = this.occupationByCode.get(code)?.parentCode;
    return parentCode ? this.occupationByCode.get(parentCode) : undefined;
  }

  occupationChildren(code: string): Occupation[] {
    return [...(this.occupationsByParent.get(code) ?? [])];
  }

  /** Nearest first, e.g. for '4-10-01-05': 4-10-01, 4-10, 4. */
  occupationAncestors(code: string): Occupation[] {
    const ancestors: Occupation[] = [];
    for (let o = this.occupationParent(code); o; o = this.occupationParent(o.code)) ancestors.push(o);
    return ancestors;
  }

  /**
   * The level-3 (minor group) code an occupation of level 3 or 4 belongs to; for levels 1–2 the code itself.
   * Used to group shortages of related trades (同一工种类别).
   * @throws TaxonomyCodeError for an unknown code
   */
  occupationFamily(code: string): string {
    const occupation = this.requireOccupation(code);
    return occupation.level === 4 && occupation.parentCode ? occupation.parentCode : occupation.code;
  }

  /** By code prefix, name substring or pinyin ('hly', 'ylhly', 'yanglao'); ranked exact > prefix > contains. */
  searchOccupations(query: string, limit = 20): Occupation[] {
    return this.occupationSearch.search(query, limit);
  }

  /**
   * The occupation picker's search: occupations the title normalizer suggests for the query (aliases such as 厨师 or
   * 月嫂, pinyin initials such as cs), then the name, code and pinyin matches of `searchOccupations`, without repeats.
   */
  findOccupations(query: string, limit = 20): Occupation[] {
    const suggested = this.suggestOccupations(query).suggestions.map((s) => this.occupationByCode.get(s.code));
    const found = new Map<string, Occupation>();
    for (const occupation of [...suggested, ...this.searchOccupations(query, limit)]) {
      if (occupation && !found.has(occupation.code)) found.set(occupation.code, occupation);
    }
    return [...found.values()].slice(0, limit);
  }

  /**
   * Everyday job title → ranked detailed occupations with confidence and the alias that matched (see TitleNormalizer);
   * a generic title (助理, 技术员) gets none. Suggestions name only occupations of this taxonomy.
   */
  suggestOccupations(title: string, limit = 5): Omit<TitleNormalization, 'suggestions'> & { suggestions: (TitleSuggestion & { name: string })[] } {
    this.titleNormalizer ??= new TitleNormalizer(loadTitleNormalizerData(this.dataDir));
    const result = this.titleNormalizer.normalize(title, limit);
    const suggestions = result.suggestions.flatMap((s) => {
      const occupation = this.occupationByCode.get(s.code);
      return occupation ? [{ ...s, name: occupation.name }] : [];
    });
    return { ...result, suggestions };
  }

  // ---- industries (GB/T 4754-2017) ----

  industry(code: string): Industry | undefined {
    return this.industryByCode.get(code);
  }

  /** @throws TaxonomyCodeError */
  requireIndustry(code: string): Industry {
    const industry = this.industryByCode.get(code);
    if (!industry) throw new TaxonomyCodeError('industry', code);
    return industry;
  }

  industries(level?: IndustryLevel): Industry[] {
    return level === undefined ? [...this.industryList] : this.industryList.filter((i) => i.level === level);
  }

  /** Like searchOccupations: by code prefix, name substring or pinyin. */
  searchIndustries(query: string, limit = 20): Industry[] {
    return this.industrySearch.search(query, limit);
  }

  industryChildren(code: string): Industry[] {
    return [...(this.industriesByParent.get(code) ?? [])];
  }

  industryParent(code: string): Industry | undefined {
    const parentCode = this.industryByCode.get(code)?.parentCode;
    return parentCode ? this.industryByCode.get(parentCode) : undefined;
  }

  // ---- regions (Hainan) ----

  region(code: string): Region | undefined {
    return this.regionByCode.get(code);
  }

  /** @throws TaxonomyCodeError */
  requireRegion(code: string): Region {
    const region = this.regionByCode.get(code);
    if (!region) throw new TaxonomyCodeError('region', code);
    return region;
  }

  /** The 19 city/county-level units plus 洋浦经济开发区: the places the platform's records belong to. */
  counties(): Region[] {
    return this.regionList.filter((r) => r.kind === 'city' || r.kind === 'county' || r.kind === 'zone');
  }

  regionChildren(code: string): Region[] {
    return [...(this.regionsByParent.get(code) ?? [])];
  }

  /**
   * The county-level unit a region belongs to, for rollups: a district gives its city, a county-level unit
   * (or 洋浦) itself. Township codes are accepted too. The province and unknown codes give undefined.
   */
  countyOf(code: string): Region | undefined {
    const region = this.regionByCode.get(code) ?? this.regionByCode.get(this.townshipByCode.get(code)?.countyCode ?? '');
    if (!region || region.kind === 'province') return undefined;
    return region.kind === 'district' ? this.regionByCode.get(region.parentCode ?? '') : region;
  }

  township(code: string): Township | undefined {
    return this.townshipByCode.get(code);
  }

  /** All townships, or those within a region (a county, a district, a city with districts, or the province). */
  townships(countyCode?: string): Township[] {
    if (countyCode === undefined) return [...this.townshipList];
    return [...(this.townshipsByRegion.get(countyCode) ?? [])];
  }

  // ---- certificates and skill levels ----

  certificates(): Certificate[] {
    return [...this.certificateList];
  }

  /** Like searchOccupations: by code prefix, name substring or pinyin. */
  searchCertificates(query: string, limit = 20): Certificate[] {
    this.certificateSearch ??= new TaxonomySearch(this.certificateList);
    return this.certificateSearch.search(query, limit);
  }

  certificate(code: string): Certificate | undefined {
    return this.certificateByCode.get(code);
  }

  /** @throws TaxonomyCodeError */
  requireCertificate(code: string): Certificate {
    const certificate = this.certificateByCode.get(code);
    if (!certificate) throw new TaxonomyCodeError('certificate', code);
    return certificate;
  }

  /** 五级/初级工 (level 1) … 一级/高级技师 (level 5). */
  skillLevels(): SkillLevel[] {
    return [...this.skillLevelList];
  }

  /** 新八级工: 学徒工 (grade 1) … 首席技师 (grade 8). */
  eightGradeLadder(): EightGradeStep[] {
    return [...this.ladder];
  }

  /** A region's code and the codes of all regions above it. */
  private regionPath(code: string): string[] {
    const path: string[] = [];
    for (let r = this.regionByCode.get(code); r; r = r.parentCode ? this.regionByCode.get(r.parentCode) : undefined) {
      path.push(r.code);
    }
    return path;
  }
}
