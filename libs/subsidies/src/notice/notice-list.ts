import { Workbook } from 'exceljs';
import { maskName, maskResidentId } from '@app/identifiers';

/** One line of the 公示 list: name and ID masked, the item and the amount (policy.md section 1). */
export interface NoticeLine {
  claimId: string;
  rule: string;
  itemZh: string;
  itemEn: string;
  claimant: string;
  personName: string | null;
  personId: string | null;
  amount: number;
  noticeFrom: string;
  noticeUntil: string;
}

export const RULE_NAMES: Record<string, { zh: string; en: string }> = {
  G1: { zh: '一次性吸纳就业奖励（高校毕业生）', en: 'Graduate hiring reward' },
  I1: { zh: '首次创办个体工商户补贴', en: 'First individual business' },
  I2: { zh: '个体工商户吸纳就业补贴', en: 'Individual business employing 3 or more' },
  T1: { zh: '培训后就业补贴', en: 'Training to job' },
  T2: { zh: '订单式培训补贴', en: 'Order-based training' },
  P1: { zh: '公益性岗位补贴', en: 'Public-service post' },
  J1: { zh: '就业见习补贴', en: 'Traineeship' },
  S1: { zh: '国有企业增人增资登记', en: 'SOE graduate-hire register' },
};

/** Masks a line for publication: the name keeps its first character, the ID number its first 3 and last 4. */
export function maskedLine(line: NoticeLine): NoticeLine {
  return { ...line, personName: line.personName ? maskName(line.personName) : null, personId: line.personId ? maskResidentId(line.personId) : null };
}

/** The notice list as an Excel workbook (Chinese headers), lines already masked. */
export async function noticeWorkbook(lines: readonly NoticeLine[], title: string): Promise<Buffer> {
  const book = new Workbook();
  const sheet = book.addWorksheet('公示名单');
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, 8);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow(['序号', '补贴项目', '申领单位/人', '人员姓名', '身份证号', '金额（元）', '公示开始', '公示结束']).font = { bold: true };
  lines.forEach((line, i) => {
    sheet.addRow([i + 1, line.itemZh, line.claimant, line.personName ?? '', line.personId ?? '', line.amount, line.noticeFrom, line.noticeUntil]);
  });
  sheet.addRow([]);
  sheet.addRow([`合计 ${lines.length} 笔，${lines.reduce((sum, l) => sum + l.amount, 0).toFixed(2)} 元。公示期内如有异议，请向当地人力资源和社会保障部门反映。`]);
  sheet.columns.forEach((column, i) => {
    column.width = [6, 32, 28, 10, 22, 12, 12, 12][i] ?? 12;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
