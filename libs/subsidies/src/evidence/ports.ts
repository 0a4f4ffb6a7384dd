import type { EvidencePort } from '../persistence/evidence-snapshot.entity';
import {
  parseChoiceCell, parseDateCell, parseIntegerCell, parseMonthCell, parseResidentIdCell, parseYesNoCell, parseYuanCell,
} from './cells';
import { headerKey, TableRow } from './tables';

/** What each port answers, one record per file row. Person fields hold the 18-digit ID number until keyed. */
export interface EvidenceRecords {
  social_insurance: { idNumber: string; employerCode: string; month: string; amount: number | null };
  employment_registration: { idNumber: string; type: 'self_employed' | 'unit' | 'flexible' | 'unemployed'; employerCode: string | null; from: string; to: string | null };
  market_registration: { creditCode: string; operatorIdNumber: string | null; status: 'active' | 'deregistered' | 'revoked'; abnormalList: boolean; registeredOn: string; lastTaxFilingMonth: string | null };
  graduation: { idNumber: string; school: string; schoolProvince: string; ordinaryHigherEducation: boolean; graduationDate: string };
  certificate: { idNumber: string; certificateNumber: string; occupation: string; level: string | null; issuer: string; issuedOn: string; valid: boolean };
  training: { idNumber: string; courseCode: string; subsidised: boolean; start: string; end: string; attendedDays: number | null };
  poverty_status: { idNumber: string; group: 'yulu_plan_graduate' | 'poverty_household_graduate' | 'poverty_household' };
  exclusion_list: { idNumber: string; list: 'public_payroll' | 'deceased' | 'student'; from: string };
  payment_return: { batchId: string; key: string; result: 'paid' | 'failed' | 'bounced'; reason: string | null };
}

interface Column {
  field: string;
  /** Accepted header texts (the first is the template's). */
  headers: string[];
  parse: (text: string) => unknown;
  required: boolean;
  zh: string;
}

const col = (field: string, headers: string[], parse: (text: string) => unknown, zh: string, required = true): Column => ({ field, headers, parse, required, zh });
const text = (value: string) => value || null;
const person = col('idNumber', ['身份证号', '公民身份号码', '证件号码', '身份证号码'], parseResidentIdCell, '身份证号');

const PROVINCES: Record<string, string> = { 海南: '46', 海南省: '46', 46: '46', 广东: '44', 广东省: '44', 44: '44' };
/** Two-digit province code from a code or a name ("海南省"); other provinces keep their first two digits when given as a code. */
const parseProvince = (value: string) => PROVINCES[value] ?? (/^\d{2}(\d{4})?$/.test(value) ? value.slice(0, 2) : null);

/** Each port's columns and what subject its records are keyed by. */
export const PORT_COLUMNS: { [P in EvidencePort]: { subject: keyof EvidenceRecords[P]; columns: Column[] } } = {
  social_insurance: {
    subject: 'idNumber',
    columns: [person, col('employerCode', ['单位统一社会信用代码', '统一社会信用代码', '单位编号'], text, '单位代码'), col('month', ['费款所属期', '缴费月份', '所属期'], parseMonthCell, '费款所属期'), col('amount', ['缴费金额', '金额'], parseYuanCell, '缴费金额', false)],
  },
  employment_registration: {
    subject: 'idNumber',
    columns: [
      person,
      col('type', ['登记类型', '就业类型'], parseChoiceCell({ 个体经营: 'self_employed', 单位就业: 'unit', 灵活就业: 'flexible', 失业登记: 'unemployed' }), '登记类型'),
      col('employerCode', ['单位统一社会信用代码', '统一社会信用代码'], text, '单位代码', false),
      col('from', ['登记日期', '就业日期'], parseDateCell, '登记日期'),
      col('to', ['注销日期', '终止日期'], parseDateCell, '注销日期', false),
    ],
  },
  market_registration: {
    subject: 'creditCode',
    columns: [
      col('creditCode', ['统一社会信用代码', '注册号'], text, '统一社会信用代码'),
      col('operatorIdNumber', ['经营者身份证号', '经营者证件号码'], parseResidentIdCell, '经营者身份证号', false),
      col('status', ['登记状态', '经营状态'], parseChoiceCell({ 存续: 'active', 在业: 'active', 开业: 'active', 注销: 'deregistered', 吊销: 'revoked' }), '登记状态'),
      col('abnormalList', ['列入经营异常名录', '经营异常'], parseYesNoCell, '经营异常名录'),
      col('registeredOn', ['成立日期', '登记日期'], parseDateCell, '成立日期'),
      col('lastTaxFilingMonth', ['最近纳税申报所属期', '最近申报月份'], parseMonthCell, '最近纳税申报', false),
    ],
  },
  graduation: {
    subject: 'idNumber',
    columns: [
      person,
      col('school', ['毕业院校', '院校名称'], text, '毕业院校'),
      col('schoolProvince', ['院校所在省', '院校所在地'], parseProvince, '院校所在省'),
      col('ordinaryHigherEducation', ['普通高校', '是否普通高校'], parseYesNoCell, '是否普通高校'),
      col('graduationDate', ['毕业日期', '离校日期'], parseDateCell, '毕业日期'),
    ],
  },
  certificate: {
    subject: 'idNumber',
    columns: [
      person,
      col('certificateNumber', ['证书编号'], text, '证书编号'),
      col('occupation', ['职业（工种）', '职业', '工种'], text, '职业'),
      col('level', ['等级'], text, '等级', false),
      col('issuer', ['发证机构', '评价机构'], text, '发证机构'),
      col('issuedOn', ['发证日期'], parseDateCell, '发证日期'),
      col('valid', ['证书有效', '是否有效'], parseYesNoCell, '证书有效'),
    ],
  },
  training: {
    subject: 'idNumber',
    columns: [
      person,
      col('courseCode', ['班级编号', '培训班编号'], text, '班级编号'),
      col('subsidised', ['补贴性培训', '是否补贴性培训'], parseYesNoCell, '补贴性培训'),
      col('start', ['开班日期'], parseDateCell, '开班日期'),
      col('end', ['结业日期'], parseDateCell, '结业日期'),
      col('attendedDays', ['出勤天数'], parseIntegerCell, '出勤天数', false),
    ],
  },
  poverty_status: {
    subject: 'idNumber',
    columns: [person, col('group', ['人员类别', '身份类别'], parseChoiceCell({ 雨露计划毕业生: 'yulu_plan_graduate', 脱贫家庭高校毕业生: 'poverty_household_graduate', 脱贫人口: 'poverty_household' }), '人员类别')],
  },
  exclusion_list: {
    subject: 'idNumber',
    columns: [person, col('list', ['名单类别'], parseChoiceCell({ 财政供养: 'public_payroll', 死亡: 'deceased', 在校生: 'student' }), '名单类别'), col('from', ['起始日期', '生效日期'], parseDateCell, '起始日期')],
  },
  payment_return: {
    subject: 'key',
    columns: [
      col('batchId', ['批次号'], text, '批次号'),
      col('key', ['业务编号', '明细编号'], (value) => (/^[^#\s]+#\d+$/.test(value) ? value : null), '业务编号'),
      col('result', ['处理结果', '状态'], parseChoiceCell({ 成功: 'paid', 失败: 'failed', 退回: 'bounced', 退票: 'bounced' }), '处理结果'),
      col('reason', ['失败原因', '备注'], text, '失败原因', false),
    ],
  },
};

export interface ImportProblem {
  row: number;
  column: string;
  zh: string;
  en: string;
}

/**
 * Turns the rows of an imported file into a port's records. A row with a missing or invalid required value is left
 * out and reported; an invalid optional value is reported and read as empty.
 */
export function recordsFromRows<P extends EvidencePort>(port: P, rows: readonly TableRow[]): { records: (EvidenceRecords[P] & { row: number })[]; problems: ImportProblem[] } {
  const { columns } = PORT_COLUMNS[port];
  const records: (EvidenceRecords[P] & { row: number })[] = [];
  const problems: ImportProblem[] = [];
  for (const { row, cells } of rows) {
    const record: Record<string, unknown> = { row };
    let ok = true;
    for (const column of columns) {
      const raw = column.headers.map((h) => cells[headerKey(h)]).find((v) => v !== undefined);
      const value = raw === undefined ? null : column.parse(raw);
      if (raw === undefined && column.required) {
        problems.push({ row, column: column.zh, zh: `第 ${row} 行缺少“${column.zh}”`, en: `Row ${row}: “${column.zh}” is missing` });
        ok = false;
      } else if (raw !== undefined && value === null) {
        problems.push({ row, column: column.zh, zh: `第 ${row} 行“${column.zh}”无效：${raw}`, en: `Row ${row}: “${column.zh}” is not valid: ${raw}` });
        if (column.required) ok = false;
      }
      record[column.field] = value;
    }
    if (ok) records.push(record as unknown as EvidenceRecords[P] & { row: number });
  }
  return { records, problems };
}
