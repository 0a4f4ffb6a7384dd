import { Workbook } from 'exceljs';
import { maskPhone, maskResidentId } from '@app/identifiers';
import { EDUCATION_NAMES_ZH, EducationChoice, Taxonomy } from '@app/taxonomy';
import { ApplicationStatus, ApplicationStep } from './application.entity';
import { JobSeekingStatus, Seeker } from './seeker.entity';

const APPLICATION_STATUS_ZH: Record<ApplicationStatus, string> = {
  applied: '已投递', viewed: '已查看', interview: '邀请面试', offer: '拟录用', hired: '已录用', rejected: '未通过', withdrawn: '已撤回',
};
const JOB_SEEKING_STATUS_ZH: Record<JobSeekingStatus, string> = {
  actively_looking: '正在找工作', open_to_offers: '在职，考虑机会', employed_not_looking: '在职，暂不考虑', not_looking: '暂不找工作',
};
const WORK_TYPE_ZH: Record<string, string> = { full_time: '全职', part_time: '兼职', seasonal: '季节性', gig: '零工' };
const GENDER_ZH = { male: '男', female: '女' } as const;

export interface ExportedApplication {
  id: string;
  shortageId: string;
  status: ApplicationStatus;
  history: ApplicationStep[];
  contactShared: boolean;
  createdAt: Date;
}

/**
 * Her data export as a workbook a person can read (Chinese headers, names instead of codes, one sheet per part).
 * The ID number and phone are masked, as in every export (security.md); the JSON export beside it has them in full.
 */
export async function seekerExportWorkbook(seeker: Seeker, residentId: string, phone: string | null, applications: ExportedApplication[], exportedAt: Date): Promise<Buffer> {
  const taxonomy = Taxonomy.shared();
  const occupation = (code: string | null | undefined) => (code ? `${taxonomy.occupation(code)?.name ?? ''}（${code}）` : '');
  const education = (level: string | null) => (level ? (EDUCATION_NAMES_ZH[level as EducationChoice] ?? level) : '');
  const book = new Workbook();
  book.creator = '海南公共就业服务平台';

  const profile = book.addWorksheet('基本信息');
  profile.columns = [{ header: '项目', key: 'k', width: 20 }, { header: '内容', key: 'v', width: 60 }];
  const rows: [string, string | number][] = [
    ['导出时间', exportedAt.toISOString()],
    ['姓名', seeker.name],
    ['身份证号码（打码）', maskResidentId(residentId)],
    ['手机号码（打码）', phone ? maskPhone(phone) : ''],
    ['性别', GENDER_ZH[seeker.gender]],
    ['出生日期', seeker.birthDate],
    ['所在地区', taxonomy.region(seeker.regionCode)?.name ?? seeker.regionCode],
    ['地址', seeker.address],
    ['求职状态', seeker.jobSeekingStatus ? JOB_SEEKING_STATUS_ZH[seeker.jobSeekingStatus] : ''],
    ['自我介绍', seeker.selfIntroduction ?? ''],
    ['期望职业', seeker.desiredOccupations.map(occupation).join('、')],
    ['期望月薪（元）', seeker.wageExpectation ?? ''],
    ['工作方式', seeker.workTypes.map((w) => WORK_TYPE_ZH[w] ?? w).join('、')],
    ['可到岗日期', seeker.availableFrom ?? ''],
    ['通勤范围（公里）', seeker.travelRadiusKm],
    ['最高学历', education(seeker.education)],
    ['技能等级', seeker.skillLevel ?? ''],
    ['语言', seeker.languages.join('、')],
    ['敏感信息用于匹配的同意', seeker.consentSensitiveMatching ? '已同意' : '未同意'],
    ['登记时间', seeker.createdAt.toISOString()],
  ];
  for (const [k, v] of rows) profile.addRow({ k, v });

  const schools = book.addWorksheet('教育经历');
  schools.columns = [
    { header: '学校', key: 'school', width: 30 }, { header: '专业', key: 'major', width: 20 }, { header: '学历', key: 'level', width: 12 },
    { header: '开始', key: 'from', width: 10 }, { header: '结束', key: 'to', width: 10 },
  ];
  for (const e of seeker.educationHistory ?? []) schools.addRow({ school: e.school, major: e.major ?? '', level: education(e.level), from: e.from, to: e.to ?? '至今' });

  const jobs = book.addWorksheet('工作经历');
  jobs.columns = [
    { header: '单位', key: 'employer', width: 30 }, { header: '职位', key: 'title', width: 18 }, { header: '职业', key: 'occupation', width: 28 },
    { header: '开始', key: 'from', width: 10 }, { header: '结束', key: 'to', width: 10 }, { header: '工作内容', key: 'description', width: 50 },
  ];
  for (const w of seeker.workHistory ?? []) {
    jobs.addRow({ employer: w.employer, title: w.title, occupation: occupation(w.occupationCode), from: w.from, to: w.to ?? '至今', description: w.description ?? '' });
  }

  const skills = book.addWorksheet('技能与证书');
  skills.columns = [{ header: '类别', key: 'kind', width: 10 }, { header: '名称', key: 'name', width: 36 }, { header: '等级或编号', key: 'detail', width: 24 }, { header: '发证日期', key: 'date', width: 12 }];
  for (const s of seeker.skills) skills.addRow({ kind: '技能', name: s.name, detail: `${s.level} 级`, date: '' });
  for (const c of seeker.certificates) skills.addRow({ kind: '证书', name: taxonomy.certificate(c.code)?.name ?? c.code, detail: c.number, date: c.issuedOn });
  for (const e of seeker.experience) skills.addRow({ kind: '从业年限', name: occupation(e.occupationCode), detail: `${e.years} 年`, date: '' });

  const applied = book.addWorksheet('投递记录');
  applied.columns = [
    { header: '投递编号', key: 'id', width: 38 }, { header: '岗位编号', key: 'shortageId', width: 38 }, { header: '状态', key: 'status', width: 10 },
    { header: '投递时间', key: 'createdAt', width: 26 }, { header: '已向单位分享联系方式', key: 'contactShared', width: 20 }, { header: '进展', key: 'history', width: 60 },
  ];
  for (const a of applications) {
    applied.addRow({
      id: a.id, shortageId: a.shortageId, status: APPLICATION_STATUS_ZH[a.status], createdAt: new Date(a.createdAt).toISOString(),
      contactShared: a.contactShared ? '是' : '否', history: a.history.map((step) => `${step.at} ${APPLICATION_STATUS_ZH[step.status]}`).join('；'),
    });
  }
  for (const sheet of [profile, schools, jobs, skills, applied]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
