import { HttpStatus } from '@nestjs/common';
import { Readable } from 'node:stream';
import { CellValue, DataValidation, Row, stream, Workbook, Worksheet } from 'exceljs';
import { AppError } from '@app/errors';
import { EDUCATION_NAMES_ZH, POLICY_DIRECTIONS, Taxonomy } from '@app/taxonomy';
import { Employer } from '../employer.entity';
import { Shortage, Urgency, WorkType } from '../shortage.entity';
import { inspectWorkbookArchive, withWorkbookSlot } from './workbook-archive';

/**
 * The shortage workbook: which columns it has, what each holds, the template officers fill in, reading rows
 * back, and writing shortages out in the same layout (an export can be edited and imported again).
 * Cells are read by header, so column order and extra columns do not matter.
 */

export const SHORTAGE_SHEET = '缺工需求';
export const GUIDE_SHEET = '说明';
export const CODES_SHEET = '代码表';
export const TEMPLATE_FILE_NAME = '缺工需求导入模板.xlsx';
/** Largest workbook accepted in one import. */
export const MAX_IMPORT_ROWS = 50_000;
/** Data rows that get the dropdowns (Excel keeps a range as one rule; exceljs's reader expands it per cell). */
export const DROPDOWN_ROWS = 10_000;

export const WORK_TYPE_LABELS: Record<WorkType, string> = { full_time: '全职', part_time: '兼职', seasonal: '季节性用工', gig: '灵活用工（零工）' };
export const URGENCY_LABELS: Record<Urgency, string> = { normal: '一般', urgent: '紧急', critical: '特急' };
export const PAY_BASIS_LABELS: Record<string, string> = { monthly: '月薪', hourly: '时薪', piece: '计件' };
export const EDUCATION_LABELS: Record<string, string> = EDUCATION_NAMES_ZH;
/** The seven directions of job development of Hainan's 2025 employment plan (the code list of @app/taxonomy). */
export const POLICY_DIRECTION_LABELS: Record<string, string> = Object.fromEntries(POLICY_DIRECTIONS.map((d) => [d.code, d.nameZh]));
export const YES = '是';
export const NO = '否';

type CodeList = 'occupations' | 'regions' | 'industries' | 'workTypes' | 'urgencies' | 'directions' | 'education' | 'payBases' | 'skillLevels' | 'yesNo';

export interface WorkbookColumn {
  header: string;
  required: boolean;
  width: number;
  /** How to fill the cell: the header's note and the 说明 sheet. */
  hint: string;
  example: string;
  /** Kept as typed: Excel must not turn codes into numbers or dates. */
  kind?: 'text' | 'date';
  /** A dropdown from the hidden 代码表 sheet. Code lists only warn, so a bare code can be typed too. */
  list?: CodeList;
}

const column = (header: string, required: boolean, width: number, hint: string, example: string, extra: Partial<WorkbookColumn> = {}): WorkbookColumn =>
  ({ header, required, width, hint, example, ...extra });

/** Every column of the template, in template order. The keys name the fields the validator reads. */
export const SHORTAGE_COLUMNS = {
  externalRef: column('需求编号', true, 14, '本单位内唯一的编号（最多 64 个字）。再次导入同一编号会更新原需求，不会重复登记', 'HK-2026-001', { kind: 'text' }),
  creditCode: column('统一社会信用代码', true, 22, '用人单位的 18 位统一社会信用代码，须为您服务范围内（结对）的单位', '91460100MA5T000001', { kind: 'text' }),
  title: column('岗位名称', true, 20, '2–60 个字', '养老护理员（白班）'),
  occupationCode: column('职业编码', true, 30, '职业分类大典（2022）细类编码，可从下拉列表选择，也可只填编码', '4-10-01-05 养老护理员', { kind: 'text', list: 'occupations' }),
  industryCode: column('行业编码', true, 24, '国民经济行业分类（GB/T 4754-2017）编码，可从下拉列表选择，也可只填编码', '8514 老年人、残疾人养护服务', { kind: 'text', list: 'industries' }),
  headcount: column('招聘人数', true, 10, '1–10000 的整数', '5'),
  wageMin: column('工资下限（元/月）', true, 14, '整数，1–200000；按时薪或计件计酬的，填折合月收入', '4500'),
  wageMax: column('工资上限（元/月）', true, 14, '整数，不低于工资下限', '6500'),
  payBasis: column('计薪方式', false, 10, '月薪、时薪或计件，不填为月薪', '月薪', { list: 'payBases' }),
  workType: column('用工形式', true, 16, '全职、兼职、季节性用工或灵活用工（零工）', '全职', { list: 'workTypes' }),
  regionCode: column('工作地区编码', true, 20, '海南省行政区划代码，可从下拉列表选择，也可只填编码', '460106 龙华区', { kind: 'text', list: 'regions' }),
  address: column('工作地点', true, 30, '详细地址，4–200 个字', '海口市龙华区金垦路 8 号'),
  startDate: column('到岗日期', true, 12, '日期，格式 2026-12-01', '2026-12-01', { kind: 'date' }),
  deadline: column('截止日期', true, 12, '招聘截止日期，不早于今天，也不早于到岗日期', '2027-01-31', { kind: 'date' }),
  description: column('岗位描述', true, 40, '工作内容和工作条件，10–5000 个字', '负责失能老人生活照料、协助康复训练。'),
  requiredSkills: column('技能要求', false, 24, '技能名称:等级，多项用分号分隔；等级 1（初级工）–5（高级技师），不填等级为 1', '失智照护:3;基础护理:2'),
  preferredSkills: column('优先技能', false, 20, '格式同技能要求', '康复训练:2'),
  requiredCertificates: column('证书要求', false, 22, '证书编码，多项用分号分隔，最多 10 项', 'SKL-4-10-01-05', { kind: 'text' }),
  minSkillLevel: column('最低技能等级', false, 14, '五级/初级工 … 一级/高级技师，或 1–5', '五级/初级工', { list: 'skillLevels' }),
  education: column('学历要求', false, 12, '不限、小学、初中、高中、中专/技校、大专、本科或硕士研究生', '初中', { list: 'education' }),
  experienceYears: column('经验年限', false, 10, '0–40 的整数', '1'),
  shifts: column('班次安排', false, 20, '最多 200 个字', '白班 8:00–17:00，月休 4 天'),
  offersTraining: column('是否提供培训', false, 12, '是或否', '是', { list: 'yesNo' }),
  trainingOffered: column('培训说明', false, 24, '培训内容和费用承担，最多 500 个字', '岗前培训 5 天，公司承担费用'),
  acceptsTrainees: column('接收见习学员', false, 12, '是或否，不填为否', '否', { list: 'yesNo' }),
  openToDisabled: column('适合残疾人', false, 12, '是或否，不填为否', '否', { list: 'yesNo' }),
  urgency: column('紧急程度', false, 10, '一般、紧急或特急，不填为一般', '紧急', { list: 'urgencies' }),
  policyDirection: column('政策方向', false, 16, '海南 2025 年就业工作方案的七个方向之一', '民生保障', { list: 'directions' }),
  lat: column('纬度', false, 10, '可不填', '20.0174'),
  lng: column('经度', false, 10, '可不填', '110.3492'),
} as const satisfies Record<string, WorkbookColumn>;

export type ShortageColumnKey = keyof typeof SHORTAGE_COLUMNS;
export const SHORTAGE_HEADERS = Object.values(SHORTAGE_COLUMNS).map((c) => c.header);
/** Shown after the template columns in an export, for reading only: ignored when the file is imported again. */
export const EXPORT_INFO_HEADERS = ['单位名称', '状态', '已录用人数', '最后更新'] as const;
export const STATUS_LABELS: Record<string, string> = {
  draft: '草稿', screening: '待审核', open: '招聘中', partially_filled: '部分到岗', filled: '已招满', closed: '已关闭', expired: '已过期',
};

/** One data row as read: the spreadsheet row number and the trimmed text of each non-empty cell, by header. */
export interface RawRow {
  row: number;
  cells: Record<string, string>;
}

// ---- reading ----

/**
 * Reads the shortage sheet (by name, else the first sheet that is not 说明/代码表) of an .xlsx file. Empty rows are
 * skipped; a file that is not a workbook, lacks required columns, has no rows or too many is refused with a message
 * saying why. Uses exceljs's streaming reader: it is faster and skips the template's data validations, which the
 * full reader would expand into one entry per cell. The archive is checked first (inspectWorkbookArchive: a zip
 * bomb is refused before it is unpacked), and few workbooks are parsed at once (withWorkbookSlot).
 */
export async function parseShortageRows(file: Buffer, options: { waitForSlot?: boolean } = {}): Promise<RawRow[]> {
  return withWorkbookSlot(options.waitForSlot ?? false, async () => {
    await inspectWorkbookArchive(file);
    return readShortageRows(file);
  });
}

async function readShortageRows(file: Buffer): Promise<RawRow[]> {
  try {
    const reader = new stream.xlsx.WorkbookReader(Readable.from([file]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
    let fallback: RawRow[] | null = null;
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      if (name === GUIDE_SHEET || name === CODES_SHEET || (fallback && name !== SHORTAGE_SHEET)) continue;
      const rows = await readSheet(worksheet);
      if (name === SHORTAGE_SHEET) return checked(rows);
      fallback ??= rows;
    }
    return checked(fallback);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_UNREADABLE');
  }
}

async function readSheet(worksheet: AsyncIterable<Row>): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  let headers: Map<number, string> | null = null;
  for await (const row of worksheet) {
    if (!headers) {
      headers = new Map();
      row.eachCell((cell, col) => {
        const header = normalizeHeader(cellText(cell.value));
        if (header) headers!.set(col, header);
      });
      const present = new Set(headers.values());
      const missing = Object.values(SHORTAGE_COLUMNS).filter((c) => c.required && !present.has(c.header)).map((c) => c.header);
      if (missing.length) throw new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_COLUMNS_MISSING', { columns: missing.join('、') });
      continue;
    }
    const cells: Record<string, string> = {};
    let any = false;
    row.eachCell((cell, col) => {
      const header = headers!.get(col);
      const text = header ? cellText(cell.value) : '';
      if (header && text) {
        cells[header] = text;
        any = true;
      }
    });
    if (any) rows.push({ row: row.number, cells });
    if (rows.length > MAX_IMPORT_ROWS) throw new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS, rows: `${MAX_IMPORT_ROWS}+` });
  }
  if (!headers) throw new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_EMPTY');
  return rows;
}

function checked(rows: RawRow[] | null): RawRow[] {
  if (!rows?.length) throw new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_EMPTY');
  return rows;
}

/** Header text without decoration people add: a required-mark asterisk, spaces, line breaks. */
const normalizeHeader = (text: string) => text.replace(/[\s*＊]/g, '').replace(/[(]/g, '（').replace(/[)]/g, '）');

/** The text of a cell as a person sees it: dates as YYYY-MM-DD, formulas by their result, rich text flattened. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? YES : NO;
  if (typeof value === 'string') return value.trim();
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null);
  if ('text' in value) return cellText((value as { text: CellValue }).text);
  return ''; // error values (#N/A …)
}

// ---- writing ----

/** The empty template: header row with notes, dropdowns, a 说明 sheet and a hidden 代码表 sheet. */
export function buildShortageTemplate(taxonomy: Taxonomy = Taxonomy.shared()): Workbook {
  const workbook = new Workbook();
  workbook.creator = '海南公共就业服务平台';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(SHORTAGE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  const codes = workbook.addWorksheet(CODES_SHEET, { state: 'hidden' });

  const lists = writeCodeLists(codes, taxonomy);
  writeHeader(sheet, lists);
  writeGuide(guide);
  return workbook;
}

export interface ExportedShortage {
  shortage: Shortage;
  employer: Pick<Employer, 'name' | 'creditCode'> | undefined;
}

/** The template with shortages filled in, plus read-only columns (单位名称, 状态 …) after the template's. */
export function buildShortageExport(items: Iterable<ExportedShortage>, taxonomy: Taxonomy = Taxonomy.shared()): Workbook {
  const workbook = buildShortageTemplate(taxonomy);
  const sheet = workbook.getWorksheet(SHORTAGE_SHEET)!;
  const first = SHORTAGE_HEADERS.length + 1;
  EXPORT_INFO_HEADERS.forEach((header, i) => {
    const cell = sheet.getRow(1).getCell(first + i);
    cell.value = header;
    cell.font = { bold: true, color: { argb: 'FF808080' } };
    cell.note = '仅供查看，再次导入时忽略';
    sheet.getColumn(first + i).width = i === 0 ? 28 : 12;
  });
  for (const item of items) sheet.addRow([...shortageCells(item.shortage, item.employer, taxonomy), ...infoCells(item)]);
  return workbook;
}

/** The template cells of one shortage, in column order; codes carry their names ("4-10-01-05 养老护理员"). */
export function shortageCells(s: Shortage, employer: Pick<Employer, 'creditCode'> | undefined, taxonomy: Taxonomy = Taxonomy.shared()): CellValue[] {
  const values: Record<ShortageColumnKey, CellValue> = {
    externalRef: s.externalRef ?? '',
    creditCode: employer?.creditCode ?? '',
    title: s.title,
    occupationCode: withName(s.occupationCode, taxonomy.occupation(s.occupationCode)?.name),
    industryCode: withName(s.industryCode, taxonomy.industry(s.industryCode)?.name),
    headcount: s.headcount,
    wageMin: s.wageMin,
    wageMax: s.wageMax,
    payBasis: PAY_BASIS_LABELS[s.payBasis] ?? s.payBasis,
    workType: WORK_TYPE_LABELS[s.workType] ?? s.workType,
    regionCode: withName(s.regionCode, taxonomy.region(s.regionCode)?.name),
    address: s.address,
    startDate: asDate(s.startDate),
    deadline: asDate(s.deadline),
    description: s.description,
    requiredSkills: formatSkills(s.requiredSkills),
    preferredSkills: formatSkills(s.preferredSkills),
    requiredCertificates: s.requiredCertificates.join(';'),
    minSkillLevel: s.minSkillLevel ? (taxonomy.skillLevels().find((l) => l.level === s.minSkillLevel)?.name ?? s.minSkillLevel) : '',
    education: s.education ? (EDUCATION_LABELS[s.education] ?? s.education) : '',
    experienceYears: s.experienceYears ?? '',
    shifts: s.shifts ?? '',
    offersTraining: s.trainingOffered ? YES : NO,
    trainingOffered: s.trainingOffered ?? '',
    acceptsTrainees: s.acceptsTrainees ? YES : NO,
    openToDisabled: s.openToDisabled ? YES : NO,
    urgency: URGENCY_LABELS[s.urgency] ?? s.urgency,
    policyDirection: s.policyDirection ? (POLICY_DIRECTION_LABELS[s.policyDirection] ?? s.policyDirection) : '',
    lat: s.lat ?? '',
    lng: s.lng ?? '',
  };
  return (Object.keys(SHORTAGE_COLUMNS) as ShortageColumnKey[]).map((key) => values[key]);
}

export const formatSkills = (skills: { name: string; level: number }[]) => skills.map((s) => `${s.name}:${s.level}`).join(';');

function infoCells({ shortage, employer }: ExportedShortage): CellValue[] {
  return [employer?.name ?? '', STATUS_LABELS[shortage.status] ?? shortage.status, shortage.filledHeadcount, shortage.updatedAt];
}

const withName = (code: string, name: string | undefined) => (name ? `${code} ${name}` : code);
/** A YYYY-MM-DD date as an Excel date (exceljs writes dates in UTC, and reads them back the same way). */
const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

function writeHeader(sheet: Worksheet, lists: Record<CodeList, string>): void {
  const columns = Object.values(SHORTAGE_COLUMNS) as WorkbookColumn[];
  const header = sheet.getRow(1);
  columns.forEach((col, i) => {
    const cell = header.getCell(i + 1);
    cell.value = col.header;
    cell.note = `${col.required ? '【必填】' : '【选填】'}${col.hint}\n例：${col.example}`;
    cell.font = { bold: true, color: { argb: col.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: col.required ? 'FFFFF2CC' : 'FFF2F2F2' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    const sheetColumn = sheet.getColumn(i + 1);
    sheetColumn.width = col.width;
    if (col.kind === 'text') sheetColumn.numFmt = '@';
    if (col.kind === 'date') sheetColumn.numFmt = 'yyyy-mm-dd';
    if (col.list) addValidation(sheet, i + 1, col, lists[col.list]);
  });
  header.height = 30;
}

/** Dropdowns for the data rows. Small fixed lists refuse other values; code lists only warn (a bare code is fine). */
function addValidation(sheet: Worksheet, columnNumber: number, col: WorkbookColumn, range: string): void {
  const letter = sheet.getColumn(columnNumber).letter;
  const strict = !['occupations', 'regions', 'industries'].includes(col.list!);
  const validation: DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [range],
    showErrorMessage: true,
    errorStyle: strict ? 'stop' : 'warning',
    errorTitle: col.header,
    error: `请从下拉列表中选择：${col.hint}`,
    showInputMessage: true,
    promptTitle: col.header,
    prompt: col.hint.slice(0, 250),
  };
  (sheet as unknown as { dataValidations: { add(address: string, v: DataValidation): void } }).dataValidations.add(
    `${letter}2:${letter}${DROPDOWN_ROWS + 1}`,
    validation,
  );
}

/** Writes each list in its own column of the hidden sheet and returns the range formula of each. */
function writeCodeLists(codes: Worksheet, taxonomy: Taxonomy): Record<CodeList, string> {
  const regions = taxonomy.counties().flatMap((county) => [county, ...taxonomy.regionChildren(county.code)]);
  const values: Record<CodeList, [string, string[]]> = {
    occupations: ['职业（细类）', taxonomy.occupations(4).map((o) => `${o.code} ${o.name}`)],
    regions: ['工作地区', regions.map((r) => `${r.code} ${r.name}`)],
    industries: ['行业（小类）', taxonomy.industries('class').map((i) => `${i.code} ${i.name}`)],
    workTypes: ['用工形式', Object.values(WORK_TYPE_LABELS)],
    urgencies: ['紧急程度', Object.values(URGENCY_LABELS)],
    directions: ['政策方向', Object.values(POLICY_DIRECTION_LABELS)],
    education: ['学历要求', Object.values(EDUCATION_LABELS)],
    payBases: ['计薪方式', Object.values(PAY_BASIS_LABELS)],
    skillLevels: ['最低技能等级', taxonomy.skillLevels().map((l) => l.name)],
    yesNo: ['是否', [YES, NO]],
  };
  const ranges = {} as Record<CodeList, string>;
  (Object.keys(values) as CodeList[]).forEach((list, i) => {
    const [title, items] = values[list];
    const col = codes.getColumn(i + 1);
    col.width = list === 'occupations' || list === 'industries' ? 40 : 16;
    codes.getCell(1, i + 1).value = title;
    codes.getCell(1, i + 1).font = { bold: true };
    items.forEach((item, row) => (codes.getCell(row + 2, i + 1).value = item));
    ranges[list] = `'${CODES_SHEET}'!$${col.letter}$2:$${col.letter}$${items.length + 1}`;
  });
  return ranges;
}

function writeGuide(guide: Worksheet): void {
  guide.getColumn(1).width = 20;
  guide.getColumn(2).width = 8;
  guide.getColumn(3).width = 70;
  guide.getColumn(4).width = 28;
  const lines = [
    '缺工需求批量导入说明',
    `1. 在“${SHORTAGE_SHEET}”工作表第 2 行起每行填写一条缺工需求，不要修改或删除第 1 行表头（红色为必填列）。`,
    '2. 同一单位的“需求编号”不能重复。再次导入相同单位、相同需求编号的行会更新原需求，不会重复登记。',
    '3. 只能导入您服务范围内的单位（就业服务专员：与您结对的企业）。',
    '4. 职业编码、行业编码、工作地区编码可从下拉列表选择（“编码 名称”），也可只填编码。',
    '5. 导入后需求为草稿状态，请在平台上提交审核后发布。',
    `6. 每次最多 ${MAX_IMPORT_ROWS} 行；数据有误的行会连同行号、列名和原因一并列出。`,
    '7. “部分导入”模式下正确的行照常导入；“全部或全不”模式下只要有一行有误，整个文件都不导入。',
  ];
  lines.forEach((line, i) => {
    guide.getCell(i + 1, 1).value = line;
    if (i === 0) guide.getCell(1, 1).font = { bold: true, size: 14 };
  });
  const start = lines.length + 2;
  ['列名', '必填', '填写说明', '示例'].forEach((title, i) => {
    guide.getCell(start, i + 1).value = title;
    guide.getCell(start, i + 1).font = { bold: true };
  });
  (Object.values(SHORTAGE_COLUMNS) as WorkbookColumn[]).forEach((col, i) => {
    guide.getRow(start + 1 + i).values = [col.header, col.required ? YES : NO, col.hint, col.example];
  });
}
