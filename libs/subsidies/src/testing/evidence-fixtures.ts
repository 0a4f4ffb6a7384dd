import { makeCreditCode, makeResidentId } from '@app/identifiers';
import type { EvidencePort } from '../persistence/evidence-snapshot.entity';
import { TableEvidence } from '../evidence/table-evidence';
import { readCsv } from '../evidence/tables';
import { recordsFromRows } from '../evidence/ports';

/** Synthetic people of the stub fixtures (valid ID numbers, made up): a 2024 graduate hired in 2025, an operator, a trainee. */
export const FIXTURE_PEOPLE = {
  graduate: makeResidentId('460102', '2002-03-04', 123),
  operator: makeResidentId('460200', '1990-07-15', 456),
  trainee: makeResidentId('469005', '1998-11-30', 78),
};
export const FIXTURE_EMPLOYER = makeCreditCode('91460100MA5T2G3K0');
export const FIXTURE_HOUSEHOLD = makeCreditCode('92460200MA5T8K1X2');

const { graduate, operator, trainee } = FIXTURE_PEOPLE;

/** One CSV file per port, as an office would receive it. */
export const EVIDENCE_FIXTURES: Record<EvidencePort, string> = {
  social_insurance: ['身份证号,单位统一社会信用代码,费款所属期,缴费金额', ...['2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'].map((m) => `${graduate},${FIXTURE_EMPLOYER},${m},1180.5`), `${trainee},${FIXTURE_EMPLOYER},2025-08,1180.5`].join('\n'),
  employment_registration: ['身份证号,登记类型,单位统一社会信用代码,登记日期,注销日期', `${graduate},单位就业,${FIXTURE_EMPLOYER},2025-06-15,`, `${operator},个体经营,${FIXTURE_HOUSEHOLD},2025-05-20,`].join('\n'),
  market_registration: ['统一社会信用代码,经营者身份证号,登记状态,列入经营异常名录,成立日期,最近纳税申报所属期', `${FIXTURE_HOUSEHOLD},${operator},存续,否,2025-05-10,2025-08`].join('\n'),
  graduation: ['身份证号,毕业院校,院校所在省,普通高校,毕业日期', `${graduate},海南大学,海南省,是,2024-07-01`].join('\n'),
  certificate: ['身份证号,证书编号,职业（工种）,等级,发证机构,发证日期,证书有效', `${trainee},S000046000100253000123,养老护理员,四级,海南省某职业技能等级认定机构,2025-03-31,是`].join('\n'),
  training: ['身份证号,班级编号,补贴性培训,开班日期,结业日期,出勤天数', `${trainee},HK2025-017,是,2025-01-10,2025-03-20,52`].join('\n'),
  poverty_status: ['身份证号,人员类别', `${graduate},雨露计划毕业生`].join('\n'),
  exclusion_list: ['身份证号,名单类别,起始日期', `${operator},财政供养,2020-01-01`].join('\n'),
  payment_return: ['批次号,业务编号,处理结果,失败原因', 'B2026-001,C-1#1,成功,', 'B2026-001,C-2#1,失败,账户已销户'].join('\n'),
};

/** The stub evidence source: every port loaded with its fixture. */
export function stubEvidence(keyOf?: (subject: string) => string, now?: () => Date): TableEvidence {
  const evidence = new TableEvidence(keyOf, now);
  for (const port of Object.keys(EVIDENCE_FIXTURES) as EvidencePort[]) {
    const { records, problems } = recordsFromRows(port, readCsv(EVIDENCE_FIXTURES[port]));
    if (problems.length) throw new Error(`fixture ${port}: ${problems[0].en}`);
    evidence.load(port, records.map(({ row: _row, ...record }) => record) as never, `stub:${port}`);
  }
  return evidence;
}
