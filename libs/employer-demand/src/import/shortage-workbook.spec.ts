import { Workbook } from 'exceljs';
import { AppError } from '@app/errors';
import { makeCreditCode } from '@app/identifiers';
import { Shortage } from '../shortage.entity';
import { validateShortageRow } from './shortage-row.validator';
import {
  buildShortageExport, buildShortageTemplate, CODES_SHEET, EXPORT_INFO_HEADERS, GUIDE_SHEET, parseShortageRows, SHORTAGE_HEADERS, SHORTAGE_SHEET,
} from './shortage-workbook';

const CREDIT_CODE = makeCreditCode('91460100MA5T00002');
const toBuffer = async (workbook: Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

function sheetWith(rows: unknown[][], headers: string[] = SHORTAGE_HEADERS): Workbook {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(SHORTAGE_SHEET);
  sheet.addRow(headers);
  rows.forEach((row) => sheet.addRow(row));
  return workbook;
}

const errorCode = (promise: Promise<unknown>) => promise.then(() => 'no error', (error) => (error instanceof AppError ? error.code : String(error)));

const SHORTAGE = {
  id: '00000000-0000-4000-8000-000000000001', employerId: '00000000-0000-4000-8000-000000000002', externalRef: '0012',
  title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 12, filledHeadcount: 2,
  requiredSkills: [{ name: '失智照护', level: 3 }], preferredSkills: [], requiredCertificates: ['SKL-4-10-01-05'], minSkillLevel: 2,
  education: 'junior_high', experienceYears: 1, wageMin: 4500, wageMax: 6500, payBasis: 'monthly', workType: 'full_time',
  shifts: '白班', regionCode: '460106', address: '海口市龙华区金垦路 8 号', lat: 20.01, lng: 110.33, locationPrecision: 'point', startDate: '2026-12-01',
  deadline: '2027-01-31', trainingOffered: '岗前培训 5 天', acceptsTrainees: true, urgency: 'urgent', openToDisabled: false,
  policyDirection: 'livelihood', description: '负责失能老人生活照料、协助康复训练。', status: 'open', updatedAt: new Date(),
} as unknown as Shortage;

describe('shortage workbook', () => {
  it('the template has the header row, a 说明 sheet, a hidden 代码表 and dropdowns drawn from it', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await toBuffer(buildShortageTemplate())) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([[SHORTAGE_SHEET, 'visible'], [GUIDE_SHEET, 'visible'], [CODES_SHEET, 'hidden']]);

    const sheet = workbook.getWorksheet(SHORTAGE_SHEET)!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(SHORTAGE_HEADERS);
    expect(SHORTAGE_HEADERS).toEqual(expect.arrayContaining(['需求编号', '统一社会信用代码', '岗位名称', '职业编码', '工资下限（元/月）', '技能要求', '证书要求', '政策方向']));
    expect(sheet.getCell('A1').note).toBeTruthy();

    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { formulae: string[]; type: string }> } }).dataValidations.model;
    const occupationColumn = sheet.getColumn(SHORTAGE_HEADERS.indexOf('职业编码') + 1).letter;
    expect(validations[`${occupationColumn}2`]).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'代码表'!\$A\$2:\$A\$\d{4}$/)] });
    const workTypeColumn = sheet.getColumn(SHORTAGE_HEADERS.indexOf('用工形式') + 1).letter;
    expect(validations[`${workTypeColumn}9`]).toMatchObject({ type: 'list' });

    const codes = workbook.getWorksheet(CODES_SHEET)!;
    const occupations = codes.getColumn(1).values.slice(2) as string[];
    expect(occupations).toContain('4-10-01-05 养老护理员');
    expect(occupations.length).toBeGreaterThan(1000);
    expect(codes.getColumn(2).values).toContain('460106 龙华区');
  });

  it('an exported shortage reads back to the same shortage (edit and import again)', async () => {
    const file = await toBuffer(buildShortageExport([{ shortage: SHORTAGE, employer: { name: '海口测试养老有限公司', creditCode: CREDIT_CODE } }]));
    const rows = await parseShortageRows(file);
    expect(rows).toHaveLength(1);
    expect(rows[0].row).toBe(2);
    expect(rows[0].cells['单位名称']).toBe('海口测试养老有限公司');
    expect(rows[0].cells['职业编码']).toBe('4-10-01-05 养老护理员');

    const checked = validateShortageRow(rows[0], '2026-11-25');
    expect(checked.problems).toEqual([]);
    expect(checked.creditCode).toBe(CREDIT_CODE);
    const { id: _id, employerId: _employer, filledHeadcount: _filled, status: _status, updatedAt: _updated, ...input } = SHORTAGE as unknown as Record<string, unknown>;
    expect(checked.input).toEqual(input);
    expect(EXPORT_INFO_HEADERS.every((header) => header in rows[0].cells)).toBe(true);
  });

  it('reads cells as people see them: dates, numbers, rich text, formulas; skips empty rows; ignores unknown columns', async () => {
    const headers = [...SHORTAGE_HEADERS, '备注'];
    const row: unknown[] = headers.map(() => null);
    const set = (header: string, value: unknown) => (row[headers.indexOf(header)] = value);
    set('需求编号', 1001);
    set('岗位名称', { richText: [{ text: '养老' }, { text: '护理员' }] });
    set('招聘人数', { formula: '2+3', result: 5 });
    set('到岗日期', new Date(Date.UTC(2026, 11, 1)));
    set('备注', '不导入');
    const rows = await parseShortageRows(await toBuffer(sheetWith([row, [], row], headers)));
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(rows[0].cells).toEqual({ 需求编号: '1001', 岗位名称: '养老护理员', 招聘人数: '5', 到岗日期: '2026-12-01', 备注: '不导入' });
  });

  it('refuses what is not the template: not a workbook, missing columns, no rows', async () => {
    expect(await errorCode(parseShortageRows(Buffer.from('需求编号,岗位名称\n1,护理员')))).toBe('IMPORT_UNREADABLE');
    const missing = parseShortageRows(await toBuffer(sheetWith([['x']], ['需求编号', '岗位名称'])));
    await expect(missing).rejects.toMatchObject({ code: 'IMPORT_COLUMNS_MISSING', params: { columns: expect.stringContaining('统一社会信用代码、职业编码') } });
    expect(await errorCode(parseShortageRows(await toBuffer(sheetWith([]))))).toBe('IMPORT_EMPTY');
  });

  // Throughput is measured by the import benchmark (npm run bench), not here: a timed test fails on a busy machine.
  it('parses and validates a 5,000-row workbook without a problem', async () => {
    const file = await toBuffer(buildShortageExport(Array.from({ length: 5000 }, (_, i) => ({
      shortage: { ...SHORTAGE, externalRef: `R${i}` } as Shortage,
      employer: { name: '海口测试养老有限公司', creditCode: CREDIT_CODE },
    }))));
    const rows = await parseShortageRows(file);
    const problems = rows.flatMap((row) => validateShortageRow(row, '2026-11-25').problems);
    expect(rows).toHaveLength(5000);
    expect(problems).toEqual([]);
  }, 180_000);
});
