import type { Level } from '../core/types';
import type { Department } from './warning.entities';

/**
 * The default 政策储备 library: prepared measures per level, each with the department that owns it and the hours
 * within which it is due after an alert. The migration writes these rows; an administrator may edit them later.
 * Provisional: Hainan's own 失业预警应急预案 is not in hand (see the lib's README).
 */
export const DEFAULT_MEASURES: { code: string; level: Level; titleZh: string; titleEn: string; owner: Department; dueHours: number }[] = [
  { code: 'monitor_weekly', level: 'IV', titleZh: '监测企业改为每周报送岗位变动', titleEn: 'Monitored firms report job changes weekly', owner: 'hrss', dueHours: 72 },
  { code: 'visit_firms', level: 'IV', titleZh: '结对专员走访减员较多的企业', titleEn: 'Paired officers visit the firms shedding most jobs', owner: 'hrss', dueHours: 72 },
  { code: 'written_report', level: 'III', titleZh: '向上级人社部门书面报告（12小时内）', titleEn: 'Written report to the next level up (within 12 h)', owner: 'hrss', dueHours: 12 },
  { code: 'stabilise_jobs', level: 'III', titleZh: '落实稳岗返还与以工代训政策', titleEn: 'Apply job-retention refunds and training-in-place', owner: 'finance', dueHours: 72 },
  { code: 'targeted_fairs', level: 'III', titleZh: '组织专场招聘与转岗培训', titleEn: 'Targeted job fairs and retraining', owner: 'hrss', dueHours: 72 },
  { code: 'joint_meeting', level: 'II', titleZh: '召开就业工作联席会议，启动应急预案', titleEn: 'Convene the employment joint meeting; start the contingency plan', owner: 'development_reform', dueHours: 2 },
  { code: 'union_mediation', level: 'II', titleZh: '工会参与裁员协商与劳动争议调解', titleEn: 'The union joins layoff consultation and dispute mediation', owner: 'union', dueHours: 24 },
  { code: 'emergency_fund', level: 'I', titleZh: '动用就业应急资金，实施临时性岗位补贴', titleEn: 'Release the employment emergency fund; temporary job subsidies', owner: 'finance', dueHours: 2 },
  { code: 'investment_projects', level: 'I', titleZh: '加快投资项目落地，以工代赈吸纳就业', titleEn: 'Speed up investment projects and work-relief hiring', owner: 'commerce', dueHours: 24 },
];
