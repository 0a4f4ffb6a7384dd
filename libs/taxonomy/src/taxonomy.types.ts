/** Plain data records of the reference taxonomies. All records returned by `Taxonomy` are frozen. */

/** 1 大类 (major, '4'), 2 中类 (medium, '4-10'), 3 小类 (minor, '4-10-01'), 4 细类 (detailed, '4-10-01-05'). */
export type OccupationLevel = 1 | 2 | 3 | 4;

/** An occupation of the 中华人民共和国职业分类大典 (2022). `green`/`digital` are the 绿色职业 (L) / 数字职业 (S) marks. */
export interface Occupation {
  code: string;
  name: string;
  level: OccupationLevel;
  parentCode: string | null;
  green: boolean;
  digital: boolean;
}

/** GB/T 4754-2017 levels: 门类 section 'A', 大类 division '01', 中类 group '011', 小类 class '0111'. */
export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

export interface Industry {
  code: string;
  name: string;
  level: IndustryLevel;
  parentCode: string | null;
}

/** city: 地级市 and 县级市; county: 县 and 自治县; district: 市辖区; zone: 洋浦经济开发区. */
export type RegionKind = 'province' | 'city' | 'county' | 'district' | 'zone';

/** WGS-84. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface Region {
  /** 6-digit 行政区划 code, e.g. '460106'; 洋浦 uses its 9-digit statistical code '460400499'. */
  code: string;
  name: string;
  kind: RegionKind;
  parentCode: string | null;
  /** Space-separated syllables without tones, e.g. 'hai kou'. */
  pinyin?: string;
  /** The seat (政府驻地) point, WGS-84. */
  center: GeoPoint | null;
}

/** A township-level statistical unit (镇/乡/街道, 农场, 开发区 …), NBS 2023 9-digit code. */
export interface Township {
  code: string;
  name: string;
  /** The county-level region (or district of 海口/三亚/三沙) it belongs to. */
  countyCode: string;
}

export interface Certificate {
  /** 'SKL-<occupation code>' or 'SPO-<catalogue number>'; see load-skills.ts. */
  code: string;
  name: string;
  /** In Chinese: '职业技能等级证书' or '特种作业操作证'. */
  kind: string;
  occupationCode: string | null;
}

/**
 * One of the five skill levels. `level` is the ascending rank: 1 = 五级/初级工 (lowest) … 5 = 一级/高级技师
 * (highest), the opposite direction of the official 五级…一级 numbering, so that higher means more skilled.
 */
export interface SkillLevel {
  level: 1 | 2 | 3 | 4 | 5;
  /** The official label, e.g. '五级/初级工'. */
  name: string;
  /** The official grade, e.g. '五级'. */
  grade: string;
  /** The traditional title, e.g. '初级工'. */
  title: string;
}

/** A step of the 新八级工 ladder (学徒工 … 首席技师); `skillLevel` links it to the five-level system where it exists. */
export interface EightGradeStep {
  grade: number;
  name: string;
  skillLevel: SkillLevel['level'] | null;
}
