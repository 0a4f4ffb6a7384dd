import { shanghaiDate } from '@app/clock';
import { isValidCreditCode } from '@app/identifiers';
import { Taxonomy, TaxonomyCodeError } from '@app/taxonomy';
import { SkillRequirement, URGENCIES, Urgency, WORK_TYPES, WorkType } from '../shortage.entity';
import type { ShortageInput } from '../shortages.service';
import { SHORTAGE_LIMITS } from '../shortage-limits';
import { ImportProblem } from './import-job.entity';
import {
  EDUCATION_LABELS, NO, PAY_BASIS_LABELS, POLICY_DIRECTION_LABELS, RawRow, SHORTAGE_COLUMNS, ShortageColumnKey, URGENCY_LABELS,
  WORK_TYPE_LABELS, YES,
} from './shortage-workbook';

/** A shortage as one row describes it; the employer is named by credit code until it is resolved. */
export type ShortageRowInput = Omit<ShortageInput, 'employerId'>;

export interface CheckedShortageRow {
  row: number;
  /** Upper-case, when the cell holds a valid code (also on rows with other problems, so the employer can be checked). */
  creditCode: string | null;
  externalRef: string | null;
  /** The shortage, when the row has no problems. */
  input: ShortageRowInput | null;
  problems: ImportProblem[];
}

const TRAINING_WITHOUT_DETAILS = '提供培训';

/**
 * Checks one row and turns it into a shortage, or lists what is wrong with it, each problem with its row, the
 * Chinese column header and a plain message in Chinese and in English. Pure: `today` and the taxonomy are given.
 */
export function validateShortageRow(raw: RawRow, today: string = shanghaiDate(), taxonomy: Taxonomy = Taxonomy.shared()): CheckedShortageRow {
  const r = new RowReader(raw);
  const L = SHORTAGE_LIMITS;

  const externalRef = r.text('externalRef', 1, L.externalRef);
  const creditCode = r.creditCode('creditCode');
  const title = r.text('title', ...L.title);
  const occupationCode = r.code('occupationCode', (code) => {
    const occupation = taxonomy.occupation(code);
    if (!occupation) return new TaxonomyCodeError('occupation', code);
    return occupation.level === 4 ? null : new TaxonomyCodeError('occupation', code, 4);
  });
  if (occupationCode === null && title) r.suggestOccupation(title, taxonomy);
  const industryCode = r.code('industryCode', (code) => (taxonomy.industry(code) ? null : new TaxonomyCodeError('industry', code)));
  const headcount = r.int('headcount', ...L.headcount);
  const wageMin = r.int('wageMin', ...L.wage);
  const wageMax = r.int('wageMax', ...L.wage);
  const payBasis = r.choice('payBasis', PAY_BASIS_LABELS, { 按月: 'monthly', 按小时: 'hourly', 小时: 'hourly', 按件: 'piece' }) ?? 'monthly';
  const workType = r.choice<WorkType>('workType', labelsOf(WORK_TYPES, WORK_TYPE_LABELS), { 零工: 'gig', 灵活用工: 'gig', 季节性: 'seasonal', 季节工: 'seasonal' });
  const regionCode = r.code('regionCode', (code) => (taxonomy.region(code) ? null : new TaxonomyCodeError('region', code)));
  const address = r.text('address', ...L.address);
  const startDate = r.date('startDate');
  const deadline = r.date('deadline');
  const description = r.text('description', ...L.description);
  const requiredSkills = r.skills('requiredSkills');
  const preferredSkills = r.skills('preferredSkills');
  const requiredCertificates = r.certificates('requiredCertificates', taxonomy);
  const minSkillLevel = r.skillLevel('minSkillLevel', taxonomy);
  const education = r.choice('education', EDUCATION_LABELS, { 学历不限: 'none', 中专: 'vocational', 技校: 'vocational', 职高: 'vocational', 专科: 'college', 研究生: 'master', 硕士: 'master' });
  const experienceYears = r.int('experienceYears', ...L.experienceYears);
  const shifts = r.text('shifts', 0, L.shifts);
  const offersTraining = r.yesNo('offersTraining');
  const trainingDetails = r.text('trainingOffered', 0, L.trainingOffered);
  const acceptsTrainees = r.yesNo('acceptsTrainees') ?? false;
  const openToDisabled = r.yesNo('openToDisabled') ?? false;
  const urgency = r.choice<Urgency>('urgency', labelsOf(URGENCIES, URGENCY_LABELS), { 普通: 'normal', 加急: 'urgent', 非常紧急: 'critical' }) ?? 'normal';
  const policyDirection = r.choice('policyDirection', POLICY_DIRECTION_LABELS, {});
  const lat = r.decimal('lat', -90, 90);
  const lng = r.decimal('lng', -180, 180);

  if (wageMin !== null && wageMax !== null && wageMax < wageMin) r.problem('wageMax', `工资上限 ${wageMax} 不能低于工资下限 ${wageMin}`, `The maximum pay ${wageMax} is below the minimum pay ${wageMin}`);
  if (deadline !== null && deadline < today) r.problem('deadline', `截止日期 ${deadline} 已过去，不能早于今天（${today}）`, `The deadline ${deadline} has passed: it cannot be before today (${today})`);
  else if (deadline !== null && startDate !== null && deadline < startDate) r.problem('deadline', `截止日期 ${deadline} 不能早于到岗日期 ${startDate}`, `The deadline ${deadline} cannot be before the start date ${startDate}`);
  if ((lat === null) !== (lng === null) && !r.problems.some((p) => p.column === SHORTAGE_COLUMNS.lat.header || p.column === SHORTAGE_COLUMNS.lng.header)) {
    r.problem(lat === null ? 'lat' : 'lng', '经度和纬度需同时填写；都不填时按地址定位', 'Fill in both latitude and longitude, or neither (the row is then located by its address)');
  }
  if (offersTraining === false && trainingDetails) r.problem('offersTraining', `填写了培训说明时，“是否提供培训”应为“${YES}”`, `With training details filled in, "${SHORTAGE_COLUMNS.offersTraining.header}" must be "${YES}" (yes)`);

  const input: ShortageRowInput | null = r.problems.length
    ? null
    : {
        externalRef, title: title!, occupationCode: occupationCode!, industryCode: industryCode!, headcount: headcount!,
        wageMin: wageMin!, wageMax: wageMax!, payBasis, workType: workType!, regionCode: regionCode!, address: address!,
        startDate: startDate!, deadline: deadline!, description: description!, requiredSkills, preferredSkills, requiredCertificates,
        minSkillLevel, education, experienceYears, shifts, acceptsTrainees, openToDisabled, urgency, policyDirection, lat, lng,
        // Coordinates typed in the workbook are a point; rows without them are located by the import.
        locationPrecision: lat !== null && lng !== null ? 'point' : null,
        trainingOffered: trainingDetails ?? (offersTraining ? TRAINING_WITHOUT_DETAILS : null),
      };
  return { row: raw.row, creditCode, externalRef, input, problems: r.problems };
}

function labelsOf<T extends string>(values: readonly T[], labels: Record<T, string>): Record<T, string> {
  return Object.fromEntries(values.map((value) => [value, labels[value]])) as Record<T, string>;
}

/** Reads typed values out of one row's cells; every problem is recorded against the cell's column. */
class RowReader {
  readonly problems: ImportProblem[] = [];

  constructor(private readonly raw: RawRow) {}

  /** A problem of the cell, in Chinese and in English (the report is read in the reader's language). */
  problem(key: ShortageColumnKey, message: string, messageEn: string): void {
    this.problems.push({ row: this.raw.row, column: SHORTAGE_COLUMNS[key].header, message, messageEn });
  }

  /** The cell's text, or undefined when blank (a problem when the column is required). */
  private value(key: ShortageColumnKey): string | undefined {
    const value = this.raw.cells[SHORTAGE_COLUMNS[key].header]?.trim();
    if (value) return value;
    if (SHORTAGE_COLUMNS[key].required) this.problem(key, '必填，不能为空', 'Required: the cell is empty');
    return undefined;
  }

  text(key: ShortageColumnKey, min: number, max: number): string | null {
    const value = this.value(key);
    if (value === undefined) return null;
    if (value.length < min) this.problem(key, `至少 ${min} 个字，当前 ${value.length} 个字`, `At least ${min} characters; this has ${value.length}`);
    else if (value.length > max) this.problem(key, `不能超过 ${max} 个字，当前 ${value.length} 个字`, `At most ${max} characters; this has ${value.length}`);
    return value;
  }

  int(key: ShortageColumnKey, min: number, max: number): number | null {
    const value = this.value(key);
    if (value === undefined) return null;
    const number = Number(value.replace(/[,，\s]/g, ''));
    if (!Number.isInteger(number)) {
      this.problem(key, `“${value}”不是整数`, `"${value}" is not a whole number`);
      return null;
    }
    if (number < min || number > max) this.problem(key, `应为 ${min} 到 ${max} 之间的整数，当前为 ${number}`, `Must be a whole number from ${min} to ${max}; this is ${number}`);
    return number;
  }

  decimal(key: ShortageColumnKey, min: number, max: number): number | null {
    const value = this.value(key);
    if (value === undefined) return null;
    const number = Number(value);
    if (!Number.isFinite(number) || number < min || number > max) {
      this.problem(key, `“${value}”不是 ${min} 到 ${max} 之间的数字`, `"${value}" is not a number from ${min} to ${max}`);
      return null;
    }
    return number;
  }

  date(key: ShortageColumnKey): string | null {
    const value = this.value(key);
    if (value === undefined) return null;
    const date = parseDate(value);
    if (!date) this.problem(key, `“${value}”不是有效日期，请按 2026-12-01 的格式填写`, `"${value}" is not a valid date: write it as 2026-12-01`);
    return date;
  }

  /**
   * The occupation cell is blank: the blank-cell problem names the occupation the title suggests (厨师 →
   * 4-03-02-01 中式烹调师), flagged for the uploader to confirm by filling it in; nothing is written unconfirmed.
   */
  suggestOccupation(title: string, taxonomy: Taxonomy): void {
    const problem = this.problems.find((p) => p.column === SHORTAGE_COLUMNS.occupationCode.header);
    if (!problem) return;
    const [best] = taxonomy.suggestOccupations(title, 1).suggestions;
    if (!best) {
      problem.message = `必填，不能为空；岗位名称“${title}”无法确定职业，请从职业分类中选择`;
      problem.messageEn = `Required: the cell is empty, and the job title "${title}" names no occupation: choose one from the classification`;
      return;
    }
    problem.message = `必填，不能为空；按岗位名称“${title}”建议填写 ${best.code} ${best.name}，请确认后填入`;
    problem.messageEn = `Required: the cell is empty; the job title "${title}" suggests ${best.code} ${best.name}: check it and fill it in`;
    problem.suggestion = { code: best.code, name: best.name, confidence: best.confidence };
  }

  /** A code, also when written with its name after it ("4-10-01-05 养老护理员"); `check` returns a message for a bad one. */
  code(key: ShortageColumnKey, check: (code: string) => TaxonomyCodeError | null): string | null {
    const value = this.value(key);
    if (value === undefined) return null;
    const code = leadingCode(value);
    const error = check(code);
    if (error) this.problem(key, error.message, error.messageEn);
    return code;
  }

  creditCode(key: ShortageColumnKey): string | null {
    const value = this.value(key);
    if (value === undefined) return null;
    const code = value.replace(/\s/g, '').toUpperCase();
    if (isValidCreditCode(code)) return code;
    this.problem(key, `“${value}”不是有效的统一社会信用代码（应为 18 位，且校验位正确）`, `"${value}" is not a valid unified social credit code (18 characters with a correct check character)`);
    return null;
  }

  /** A value from a fixed list, given by its Chinese label, an alias or the API value itself. */
  choice<T extends string>(key: ShortageColumnKey, labels: Record<T, string>, aliases: Record<string, T>): T | null {
    const value = this.value(key);
    if (value === undefined) return null;
    const compact = value.replace(/\s/g, '');
    const byLabel = (Object.entries(labels) as [T, string][]).find(([code, label]) => label === compact || code === compact.toLowerCase());
    const found = byLabel?.[0] ?? aliases[compact];
    if (!found) this.problem(key, `“${value}”不在可选范围内，请填写：${Object.values(labels).join('、')}`, `"${value}" is not one of the choices: ${Object.entries(labels).map(([code, label]) => `${label} (${code})`).join(', ')}`);
    return found ?? null;
  }

  yesNo(key: ShortageColumnKey): boolean | null {
    const value = this.value(key);
    if (value === undefined) return null;
    const answer = YES_NO[value.toLowerCase()];
    if (answer === undefined) this.problem(key, `请填写“${YES}”或“${NO}”，当前为“${value}”`, `Write "${YES}" (yes) or "${NO}" (no); this is "${value}"`);
    return answer ?? null;
  }

  /** `失智照护:3;基础护理:2`; a skill without a level is level 1 (初级工). */
  skills(key: ShortageColumnKey): SkillRequirement[] {
    const value = this.value(key);
    if (value === undefined) return [];
    const skills: SkillRequirement[] = [];
    for (const part of splitList(value)) {
      const match = /^(.+?)(?:[:：]\s*(\S+))?$/.exec(part)!;
      const name = match[1].trim();
      const level = match[2] === undefined ? 1 : Number(match[2]);
      if (!Number.isInteger(level) || level < 1 || level > 5) {
        this.problem(key, `“${part}”的等级应为 1 到 5 的整数，格式如 失智照护:3;基础护理:2`, `The level of "${part}" must be a whole number from 1 to 5, as in 失智照护:3;基础护理:2`);
      } else if (name.length > SHORTAGE_LIMITS.skillName) {
        this.problem(key, `技能名称“${name}”不能超过 ${SHORTAGE_LIMITS.skillName} 个字`, `The skill name "${name}" is longer than ${SHORTAGE_LIMITS.skillName} characters`);
      } else {
        skills.push({ name, level });
      }
    }
    if (skills.length > SHORTAGE_LIMITS.skills) this.problem(key, `最多 ${SHORTAGE_LIMITS.skills} 项，当前 ${skills.length} 项`, `At most ${SHORTAGE_LIMITS.skills} items; this has ${skills.length}`);
    return skills;
  }

  certificates(key: ShortageColumnKey, taxonomy: Taxonomy): string[] {
    const value = this.value(key);
    if (value === undefined) return [];
    const codes = [...new Set(splitList(value).map(leadingCode))];
    const unknown = codes.filter((code) => !taxonomy.certificate(code));
    const errors = unknown.map((code) => new TaxonomyCodeError('certificate', code));
    if (errors.length) this.problem(key, errors.map((e) => e.message).join('；'), errors.map((e) => e.messageEn).join('; '));
    else if (codes.length > SHORTAGE_LIMITS.certificates) this.problem(key, `最多 ${SHORTAGE_LIMITS.certificates} 项，当前 ${codes.length} 项`, `At most ${SHORTAGE_LIMITS.certificates} items; this has ${codes.length}`);
    return codes;
  }

  /** 1–5, or the level's name (五级/初级工), grade (五级) or title (初级工). */
  skillLevel(key: ShortageColumnKey, taxonomy: Taxonomy): number | null {
    const value = this.value(key);
    if (value === undefined) return null;
    const levels = taxonomy.skillLevels();
    const level = levels.find((l) => String(l.level) === value || l.name === value || l.grade === value || l.title === value);
    if (!level) this.problem(key, `“${value}”不是有效的技能等级，请填写 1–5 或 ${levels.map((l) => l.name).join('、')}`, `"${value}" is not a skill level: write 1–5 or ${levels.map((l) => l.name).join(', ')}`);
    return level?.level ?? null;
  }
}

const YES_NO: Record<string, boolean> = { [YES]: true, [NO]: false, y: true, n: false, yes: true, no: false, true: true, false: false, '1': true, '0': false };

const splitList = (value: string) => value.split(/[;；]/).map((part) => part.trim()).filter(Boolean);

/** "4-10-01-05 养老护理员" → "4-10-01-05"; a code glued to its name ("460106龙华区") works too. */
const leadingCode = (value: string) => /^[0-9A-Za-z.-]+/.exec(value.trim())?.[0] ?? value.trim();

/** 2026-12-01, 2026/12/1, 2026.12.1, 2026年12月1日, or an Excel serial day number; null when not a real date. */
export function parseDate(value: string): string | null {
  if (/^\d{5}$/.test(value)) {
    const date = new Date(Date.UTC(1899, 11, 30) + Number(value) * 86_400_000);
    return date.toISOString().slice(0, 10);
  }
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
