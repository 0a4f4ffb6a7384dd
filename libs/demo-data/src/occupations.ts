import { Certificate, Occupation, Taxonomy } from '@app/taxonomy';
import { OCCUPATION_PROFILES, OccupationProfile } from './catalog/occupation-profiles';
import { hash32, WeightedTable, zipfWeights } from './prng';
import { Education, PolicyDirection } from './types';

/** Share of seekers whose main occupation comes from the long tail of the whole classification. */
const LONG_TAIL_SHARE = 0.15;

/** Majors left out of the long tail: 1 负责人 (officials and managers), 7 军人, 8 不便分类. */
const EXCLUDED_MAJORS = new Set(['1', '7', '8']);
/** Relative weight of long-tail occupations by major: services and production work dominate job seeking. */
const TAIL_MAJOR_FACTOR: Record<string, number> = { '2': 0.5, '3': 0.5, '4': 1, '5': 0.6, '6': 0.8 };

interface MajorDefaults {
  wageMedian: number;
  education: Education;
  direction: PolicyDirection;
  skills: string[];
}

const MAJOR_DEFAULTS: Record<string, MajorDefaults> = {
  '2': { wageMedian: 7500, education: 'bachelor', direction: 'private_sme', skills: ['项目管理', '技术文档撰写', '数据分析', '英语阅读', '办公软件'] },
  '3': { wageMedian: 4500, education: 'college', direction: 'grassroots', skills: ['公文写作', '档案管理', '办公软件', '沟通协调', '政策解读'] },
  '4': { wageMedian: 4300, education: 'senior_high', direction: 'consumption', skills: ['客户服务', '沟通协调', '服务规范', '收银结算', '办公软件'] },
  '5': { wageMedian: 3800, education: 'junior_high', direction: 'private_sme', skills: ['田间管理', '机械操作', '病虫害防治', '安全生产'] },
  '6': { wageMedian: 5200, education: 'junior_high', direction: 'advanced_manufacturing', skills: ['设备操作与维护', '安全生产', '质量检验', '看图识图', '5S现场管理'] },
};

/** 养老护理员 → 养老护理, 计算机网络工程技术人员 → 计算机网络: the word a skill list starts from. */
function coreSkillWord(name: string): string {
  const core = name.replace(/(工程技术人员|技术人员|专业人员|人员|员|工|师|士)$/, '');
  return core.length >= 2 ? core : name;
}

/**
 * The occupations seekers want and employers post: the hand-written profiles (weighted toward the plan's
 * directions) plus a Zipf-distributed long tail over every other detailed occupation, which gets a
 * profile derived from its major group.
 */
export class OccupationCatalog {
  readonly profiles: readonly OccupationProfile[];
  /** Main occupation of a seeker. */
  readonly forSeekers: WeightedTable<OccupationProfile>;
  private readonly byCode = new Map<string, OccupationProfile>();
  private readonly byFamily = new Map<string, OccupationProfile[]>();
  private readonly certificatesByOccupation = new Map<string, string[]>();

  constructor(private readonly taxonomy: Taxonomy) {
    for (const profile of OCCUPATION_PROFILES) {
      const occupation = taxonomy.requireOccupation(profile.code, 4);
      if (occupation.name !== profile.name) throw new Error(`Profile ${profile.code} says ${profile.name}, taxonomy says ${occupation.name}`);
      this.byCode.set(profile.code, profile);
    }
    this.profiles = OCCUPATION_PROFILES;

    // Hashing the code gives a fixed, arbitrary rank order for the long tail.
    const tail = taxonomy
      .occupations(4)
      .filter((o) => !EXCLUDED_MAJORS.has(o.code[0]) && !this.byCode.has(o.code))
      .sort((a, b) => hash32(a.code) - hash32(b.code))
      .map((o) => {
        const profile = this.deriveProfile(o);
        this.byCode.set(o.code, profile);
        return profile;
      });
    // A flat Zipf exponent: no single obscure occupation should get more than a fraction of a percent.
    const tailWeights = zipfWeights(tail.length, 0.7).map((w, i) => w * (TAIL_MAJOR_FACTOR[tail[i].code[0]] ?? 0.5));
    const tailTotal = tailWeights.reduce((a, b) => a + b, 0);
    const curatedTotal = OCCUPATION_PROFILES.reduce((a, p) => a + p.weight, 0);
    const tailScale = (curatedTotal * LONG_TAIL_SHARE) / (1 - LONG_TAIL_SHARE) / tailTotal;
    this.forSeekers = new WeightedTable(
      [...OCCUPATION_PROFILES, ...tail],
      [...OCCUPATION_PROFILES.map((p) => p.weight), ...tailWeights.map((w) => w * tailScale)],
    );

    for (const profile of [...OCCUPATION_PROFILES, ...tail]) {
      const family = taxonomy.occupationFamily(profile.code);
      const members = this.byFamily.get(family);
      if (members) members.push(profile);
      else this.byFamily.set(family, [profile]);
    }

    for (const certificate of taxonomy.certificates()) this.indexCertificate(certificate);
    for (const profile of OCCUPATION_PROFILES) {
      for (const permit of profile.permits ?? []) {
        taxonomy.requireCertificate(permit);
        this.certificatesByOccupation.set(profile.code, [...(this.certificatesByOccupation.get(profile.code) ?? []), permit]);
      }
    }
  }

  /** The profile of any level-4 occupation (hand-written or derived). */
  profile(code: string): OccupationProfile {
    let profile = this.byCode.get(code);
    if (!profile) {
      profile = this.deriveProfile(this.taxonomy.requireOccupation(code, 4));
      this.byCode.set(code, profile);
    }
    return profile;
  }

  /** Other occupations of the same minor group (e.g. the other nurses), for second choices. */
  relatives(code: string): readonly OccupationProfile[] {
    return this.byFamily.get(this.taxonomy.occupationFamily(code)) ?? [];
  }

  /** Taxonomy certificate codes that fit the occupation: its skill certificate, then special-operation permits. */
  certificates(code: string): readonly string[] {
    return this.certificatesByOccupation.get(code) ?? [];
  }

  name(code: string): string {
    return this.profile(code).name;
  }

  private indexCertificate(certificate: Certificate): void {
    if (!certificate.occupationCode) return;
    const list = this.certificatesByOccupation.get(certificate.occupationCode) ?? [];
    list.unshift(certificate.code);
    this.certificatesByOccupation.set(certificate.occupationCode, list);
  }

  private deriveProfile(occupation: Occupation): OccupationProfile {
    const defaults = MAJOR_DEFAULTS[occupation.code[0]] ?? MAJOR_DEFAULTS['4'];
    return {
      code: occupation.code,
      name: occupation.name,
      weight: 0,
      wageMedian: defaults.wageMedian,
      education: defaults.education,
      direction: defaults.direction,
      skills: [coreSkillWord(occupation.name), ...defaults.skills],
    };
  }
}
