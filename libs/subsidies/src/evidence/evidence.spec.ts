import { Workbook } from 'exceljs';
import { EVIDENCE_FIXTURES, FIXTURE_EMPLOYER, FIXTURE_PEOPLE, stubEvidence, TEST_PARAMETERS } from '@app/subsidies/testing';
import { decideGraduateHiring } from '../core';
import { gatherGraduateHiring } from './gather';
import { parseDateCell, parseMonthCell, parseResidentIdCell, parseYesNoCell, parseYuanCell } from './cells';
import { TableEvidence } from './table-evidence';
import { readCsv } from './tables';

const { graduate, operator, trainee } = FIXTURE_PEOPLE;
const fullWidth = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe('evidence cells', () => {
  it('reads dates written every way, full-width digits and Excel serial numbers included', () => {
    expect(['2025-06-01', '2025/6/1', '2025.6.1', '2025年6月1日', '20250601', fullWidth('2025年6月1日'), '45809', '45809.0'].map(parseDateCell)).toEqual(Array(8).fill('2025-06-01'));
    expect(['2025-02-29', '2025-13-01', '45', 'soon', ''].map(parseDateCell)).toEqual([null, null, null, null, null]);
  });

  it('reads months, and the month of a date', () => {
    expect(['2025-06', '2025/6', '2025年6月', '202506', fullWidth('2025年06月'), '2025-06-15', '45809'].map(parseMonthCell)).toEqual(Array(7).fill('2025-06'));
    expect(['2025-13', '202500', 'June'].map(parseMonthCell)).toEqual([null, null, null]);
  });

  it('reads yuan, 万元 amounts and thousands separators; refuses negatives', () => {
    expect(['2000', '2,000元', '0.2万元', '0.2万', fullWidth('2000') + '元', '2000.00'].map(parseYuanCell)).toEqual(Array(6).fill(2000));
    expect(parseYuanCell('1.23456万')).toBe(12345.6);
    expect(['-5', 'abc', ''].map(parseYuanCell)).toEqual([null, null, null]);
  });

  it('reads ID numbers: 18 digits, a lower-case x, full-width digits, a 15-digit first-generation number', () => {
    expect(parseResidentIdCell('11010519491231002x')).toBe('11010519491231002X');
    expect(parseResidentIdCell('110105491231002')).toBe('11010519491231002X');
    expect(parseResidentIdCell(fullWidth(graduate))).toBe(graduate);
    expect(parseResidentIdCell('110105194912310021')).toBeNull();
    expect(['是', '否', 'Y', '有'].map(parseYesNoCell)).toEqual([true, false, true, true]);
  });
});

describe('import adapters', () => {
  it('imports a CSV (BOM, quotes, CRLF), reports bad rows in Chinese and English, answers lookups by subject', async () => {
    const csv = `\uFEFF身份证号,单位统一社会信用代码,费款所属期,缴费金额\r\n${fullWidth(graduate)},"${FIXTURE_EMPLOYER}",2025年6月,"1,180.50"\r\n${graduate},${FIXTURE_EMPLOYER},202507,0.118万\r\n123,${FIXTURE_EMPLOYER},2025-07,1\r\n${trainee},${FIXTURE_EMPLOYER},2025-13,1\r\n,,,\r\n`;
    const evidence = new TableEvidence();
    const { records, problems } = await evidence.importFile('social_insurance', Buffer.from(csv), '社保缴费明细.csv');
    expect(records).toBe(2);
    expect(problems).toEqual([
      { row: 4, column: '身份证号', zh: '第 4 行“身份证号”无效：123', en: 'Row 4: “身份证号” is not valid: 123' },
      { row: 5, column: '费款所属期', zh: '第 5 行“费款所属期”无效：2025-13', en: 'Row 5: “费款所属期” is not valid: 2025-13' },
    ]);
    const answer = await evidence.lookup('social_insurance', graduate);
    expect(answer).toMatchObject({ available: true, source: 'file:社保缴费明细.csv' });
    expect(answer.available && answer.records).toEqual([
      { idNumber: graduate, employerCode: FIXTURE_EMPLOYER, month: '2025-06', amount: 1180.5 },
      { idNumber: graduate, employerCode: FIXTURE_EMPLOYER, month: '2025-07', amount: 1180 },
    ]);
    expect(await evidence.lookup('social_insurance', operator)).toMatchObject({ available: true, records: [] });
    expect(await evidence.lookup('graduation', graduate)).toMatchObject({ available: false, zh: '该数据源尚未导入数据' });
  });

  it('imports an Excel sheet with merged cells, date cells and serial numbers', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('就业登记');
    sheet.addRow(['身份证号', '登记类型', '单位统一社会信用代码', '登记日期', '注销日期']);
    sheet.addRow([graduate, '单位就业', FIXTURE_EMPLOYER, new Date(Date.UTC(2025, 5, 15)), null]);
    sheet.addRow([trainee, '单位就业', null, 45809, null]);
    sheet.addRow([operator, '个体经营', null, '2025年5月20日', null]);
    sheet.mergeCells('C2:C3');
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const evidence = new TableEvidence();
    expect(await evidence.importFile('employment_registration', file, '就业登记.xlsx')).toEqual({ records: 3, problems: [] });
    const answer = await evidence.lookup('employment_registration', trainee);
    expect(answer.available && answer.records).toEqual([{ idNumber: trainee, type: 'unit', employerCode: FIXTURE_EMPLOYER, from: '2025-06-01', to: null }]);
  });

  it('keys subjects by the given key, so answers hold no plain ID number', async () => {
    const evidence = stubEvidence((id) => `key:${id.slice(-4)}`);
    const answer = await evidence.lookup('graduation', graduate);
    expect(answer).toMatchObject({ subjectKey: `key:${graduate.slice(-4)}`, available: true });
  });

  it('the stub answers every port from its fixtures', async () => {
    const evidence = stubEvidence();
    const found = async (port: keyof typeof EVIDENCE_FIXTURES, subject: string) => {
      const answer = await evidence.lookup(port, subject);
      return answer.available ? answer.records.length : -1;
    };
    expect(await found('social_insurance', graduate)).toBe(7);
    expect(await found('employment_registration', operator)).toBe(1);
    expect(await found('market_registration', (await evidence.lookup('employment_registration', operator) as { records: { employerCode: string }[] }).records[0].employerCode)).toBe(1);
    expect(await found('graduation', graduate)).toBe(1);
    expect(await found('certificate', trainee)).toBe(1);
    expect(await found('training', trainee)).toBe(1);
    expect(await found('poverty_status', graduate)).toBe(1);
    expect(await found('exclusion_list', operator)).toBe(1);
    expect(await found('payment_return', 'C-2#1')).toBe(1);
    expect(readCsv(EVIDENCE_FIXTURES.payment_return)).toHaveLength(2);
  });
});

describe('G1 facts from the ports', () => {
  const claim = {
    asOf: '2026-03-01', idNumber: graduate, employerCode: FIXTURE_EMPLOYER, hireDate: '2025-06-15',
    employer: { kind: 'enterprise' as const, size: 'small' as const, stateOwned: false }, contract: { end: null, dispatch: false }, priorAwards: [],
  };

  it('gathers the stub’s evidence into facts the rule finds eligible', async () => {
    const { facts, answers } = await gatherGraduateHiring(stubEvidence(), claim);
    expect(facts).toMatchObject({
      graduate: { ordinaryHigherEducation: true, schoolProvince: '46', graduationDate: '2024-07-01' },
      insuredMonthBeforeHire: false, employmentEnd: null,
    });
    expect(facts.contributionMonths).toHaveLength(7);
    expect(answers.map((a) => a.port)).toEqual(['graduation', 'social_insurance', 'employment_registration']);
    expect(decideGraduateHiring(facts, TEST_PARAMETERS)).toMatchObject({ outcome: 'eligible', amount: 2000 });
  });

  it('leaves the facts of a port with no data missing, so a person reviews', async () => {
    const evidence = new TableEvidence();
    await evidence.importFile('social_insurance', Buffer.from(EVIDENCE_FIXTURES.social_insurance), 'si.csv');
    await evidence.importFile('employment_registration', Buffer.from(EVIDENCE_FIXTURES.employment_registration), 'er.csv');
    const decision = decideGraduateHiring((await gatherGraduateHiring(evidence, claim)).facts, TEST_PARAMETERS);
    expect(decision.outcome).toBe('needs_review');
    expect(decision.checks.filter((c) => c.verdict === 'unknown').map((c) => c.code)).toEqual(['G1_LOCAL_GRADUATE', 'G1_WITHIN_TWO_YEARS']);
  });
});
