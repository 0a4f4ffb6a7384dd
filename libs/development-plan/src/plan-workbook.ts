import { CellValue, Workbook, Worksheet } from 'exceljs';
import { POLICY_DIRECTIONS } from '@app/taxonomy';
import { CompiledCell, CompiledQuarter, DRILLABLE_METRICS, headlineIndicator, indicator, INDICATORS, ReporterRef } from './core';

export interface WorkbookHeader {
  /** 表号 */
  formNumber: string;
  /** 制表机关 */
  issuer: string;
  /** 填报单位 */
  reportingUnit: string;
  /** 报出日期 */
  reportDate: string;
}

export interface NarrativeEntry {
  reporterZh: string;
  practices: string;
  problems: string;
  nextSteps: string;
  examples: string;
}

export const DEFAULT_HEADER: Omit<WorkbookHeader, 'reportDate'> = {
  formNumber: '琼就业岗开表1',
  issuer: '海南省就业促进和劳动保护工作领导小组办公室',
  reportingUnit: '海南省就业促进和劳动保护工作领导小组办公室',
};

const STATUS_ZH: Record<CompiledCell['status'], string> = { no_goal: '未设目标', done: '已完成', on_track: '正常', slow: '进度偏慢', below_level: '未达标准' };
const REPORT_ZH: Record<string, string> = { missing: '未报送', draft: '未报送', submitted: '已报送', returned: '已退回', accepted: '已审核', locked: '已锁定' };
const pct = (v: number | null) => (v === null ? '' : v);

/** Where the workbook's figures link to: the console's drill-down page for a unit's indicator, quarter or cumulative. */
export interface DrillDownLinks {
  /** The console's origin, e.g. https://jiuye.hainan.gov.cn */
  origin: string;
  year: number;
  quarter: number;
}

const drillDownUrl = (links: DrillDownLinks, reporter: string, indicatorCode: string, span: 'quarter' | 'cumulative') =>
  `${links.origin}/admin/plan/drilldown?reporter=${encodeURIComponent(reporter)}&year=${links.year}&quarter=${links.quarter}&indicator=${encodeURIComponent(indicatorCode)}&span=${span}`;

/**
 * A figure as a cell value: with links, a platform count of a city, county or 洋浦 is a HYPERLINK formula to the
 * records it counts (its cached result the number, so sums and formats still work).
 */
function figure(value: number | null, reporter: ReporterRef, indicatorCode: string, span: 'quarter' | 'cumulative', links?: DrillDownLinks): CellValue {
  const def = indicator(indicatorCode);
  if (value === null || !links || reporter.kind === 'unit' || !def?.metric || !DRILLABLE_METRICS.includes(def.metric)) return value;
  return { formula: `HYPERLINK("${drillDownUrl(links, reporter.code, indicatorCode, span)}",${value})`, result: value };
}

/** 表号, 制表机关, 报告期, 填报单位, 计量单位 above a sheet's table, then its column headers. */
function header(sheet: Worksheet, title: string, head: WorkbookHeader, period: string, unit: string, columns: string[]): void {
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow([`表号：${head.formNumber}`, '', `制表机关：${head.issuer}`]);
  sheet.addRow([`报告期：${period}`, '', `填报单位：${head.reportingUnit}`, '', `计量单位：${unit}`]);
  const row = sheet.addRow(columns);
  row.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
}

function footer(sheet: Worksheet, head: WorkbookHeader): void {
  sheet.addRow([]);
  sheet.addRow(['单位负责人：', '', '统计负责人：', '', '填表人：', '', `报出日期：${head.reportDate}`]);
}

/**
 * The province's workbook for a quarter: 汇总表 (a row per city, county, 洋浦 and member unit; per direction the
 * annual goal, this quarter, cumulative, completion rate, 时序进度, gap and status of its headline figure), one
 * sheet per direction with every indicator, 进度偏慢, 未按时报送 and the narrative; each table with the header and
 * the signature footer. Percentages are stored as numbers with a percent format. With `links`, every platform figure
 * of a city, county or 洋浦 that the console can list (hires, shortages filled, events held) links to its records.
 */
export async function buildPlanWorkbook(compiled: CompiledQuarter, head: WorkbookHeader, narratives: NarrativeEntry[], links?: DrillDownLinks): Promise<Buffer> {
  const book = new Workbook();
  book.creator = head.issuer;
  const period = `${compiled.year}年第${compiled.quarter}季度`;
  const percent = '0.0%';

  const summary = book.addWorksheet('汇总表');
  const dirColumns = POLICY_DIRECTIONS.flatMap((d) => [`${d.section}${d.nameZh}·年度目标`, '本季完成', '累计完成', '完成率', '时序进度', '进度差', '状态']);
  header(summary, `岗位开发计划实施情况汇总表（平台登记就业）`, head, period, '人', ['填报单位', '报送状态', ...dirColumns]);
  const headlineIndex = POLICY_DIRECTIONS.map((d) => INDICATORS.findIndex((i) => i.code === headlineIndicator(d.code)));
  const summaryRow = (name: string, status: string, cells: CompiledCell[], reporter?: ReporterRef) => {
    const values: CellValue[] = [name, status];
    for (const index of headlineIndex) {
      const c = cells[index];
      const linked = (value: number | null, span: 'quarter' | 'cumulative') => (reporter ? figure(value, reporter, c.indicator, span, links) : value);
      values.push(c.annualGoal, linked(c.quarter, 'quarter'), linked(c.cumulative, 'cumulative'), pct(c.completion), c.expected, pct(c.gap), STATUS_ZH[c.status]);
    }
    const row = summary.addRow(values);
    POLICY_DIRECTIONS.forEach((_, i) => {
      for (const offset of [3, 4, 5]) row.getCell(3 + i * 7 + offset).numFmt = percent;
    });
  };
  for (const row of compiled.rows) summaryRow(row.reporter.nameZh, REPORT_ZH[row.reportStatus] ?? row.reportStatus, row.cells, row.reporter);
  summaryRow('全省合计（市县）', '', compiled.province);
  summary.getColumn(1).width = 22;
  footer(summary, head);

  for (const direction of POLICY_DIRECTIONS) {
    const sheet = book.addWorksheet(`${direction.short}${direction.nameZh}`.slice(0, 31));
    const indicators = INDICATORS.map((def, index) => ({ def, index })).filter(({ def }) => def.direction === direction.code);
    header(sheet, `${direction.section}${direction.headingZh}`, head, period, '见各指标', ['填报单位', '指标', '计量单位', '来源', '年度目标', '本季完成', '累计完成', '完成率', '时序进度', '进度差', '状态']);
    for (const row of compiled.rows) {
      for (const { def, index } of indicators) {
        const c = row.cells[index];
        if (c.annualGoal === null && c.cumulative === null) continue;
        const added = sheet.addRow([
          row.reporter.nameZh, def.nameZh, def.unitZh, c.from === 'report' ? '填报' : c.from === 'platform' ? '平台统计' : '', c.annualGoal,
          figure(c.quarter, row.reporter, def.code, 'quarter', links), figure(c.cumulative, row.reporter, def.code, 'cumulative', links), pct(c.completion), c.expected, pct(c.gap), STATUS_ZH[c.status],
        ]);
        for (const col of [8, 9, 10]) added.getCell(col).numFmt = percent;
      }
    }
    sheet.getColumn(1).width = 20;
    sheet.getColumn(2).width = 36;
    footer(sheet, head);
  }

  const slow = book.addWorksheet('进度偏慢');
  header(slow, '进度偏慢单位（完成率低于时序进度5个百分点以上）', head, period, '%', ['填报单位', '指标', '完成率', '时序进度', '进度差']);
  for (const item of compiled.slow) {
    const row = slow.addRow([item.nameZh, indicator(item.indicator)?.nameZh ?? item.indicator, item.completion, item.expected, item.gap]);
    for (const col of [3, 4, 5]) row.getCell(col).numFmt = percent;
  }
  footer(slow, head);

  const late = book.addWorksheet('未按时报送');
  header(late, '未按时报送单位', head, period, '—', ['填报单位', '截止日期', '报送日期']);
  for (const item of compiled.late) late.addRow([item.nameZh, item.deadline, item.submittedOn ?? '未报送']);
  footer(late, head);

  const narrative = book.addWorksheet('文字说明');
  header(narrative, '岗位开发和方案实施情况文字说明', head, period, '—', ['填报单位', '主要做法', '存在问题', '下步打算', '典型经验']);
  for (const entry of narratives) {
    const row = narrative.addRow([entry.reporterZh, entry.practices, entry.problems, entry.nextSteps, entry.examples]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  for (const col of [2, 3, 4, 5]) narrative.getColumn(col).width = 40;
  footer(narrative, head);

  return Buffer.from(await book.xlsx.writeBuffer());
}
