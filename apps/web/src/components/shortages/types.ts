import { useApi } from '../../app/hooks';
import { Page } from '../../app/api';

export interface ScreenFinding {
  ruleCode: string;
  verdict: string;
  field: string;
  matchedText: string;
  basis: string;
  reasonZh: string;
  reasonEn: string;
}

export interface ScreenResult {
  verdict: 'PASS' | 'WARN' | 'REVIEW' | 'BLOCK';
  ruleSetVersion: string;
  findings: ScreenFinding[];
}

export interface Shortage {
  id: string;
  employerId: string;
  title: string;
  occupationCode: string;
  industryCode: string;
  headcount: number;
  filledHeadcount: number;
  openPositions: number;
  requiredSkills: { name: string; level: number }[];
  preferredSkills: { name: string; level: number }[];
  requiredCertificates: string[];
  minSkillLevel: number | null;
  education: string | null;
  experienceYears: number | null;
  wageMin: number;
  wageMax: number;
  payBasis: string;
  workType: string;
  shifts: string | null;
  regionCode: string;
  address: string;
  /** How precisely the stored WGS-84 point is known; null when the shortage has no location. */
  locationPrecision?: 'point' | 'township' | 'district' | 'city' | null;
  startDate: string;
  deadline: string;
  trainingOffered: string | null;
  acceptsTrainees: boolean;
  urgency: string;
  openToDisabled: boolean;
  policyDirection: string | null;
  description: string;
  status: string;
  screenResult: ScreenResult | null;
  screenJustification: string | null;
  publishedAt: string | null;
  firstResponseAt: string | null;
  responseHours: number | null;
  createdAt: string;
  transitions?: { fromStatus: string | null; toStatus: string; reason: string; at: string }[];
}

export interface Employer {
  id: string;
  name: string;
  creditCode: string;
  industryCode: string;
  sizeClass: string;
  ownership: string;
  regionCode: string;
  address: string;
  park: string | null;
  contactName: string | null;
  abnormal: boolean;
  blockedPostings: number;
}

export const SHORTAGE_STATUS_COLOR: Record<string, string> = {
  draft: 'default', screening: 'blue', open: 'green', partially_filled: 'cyan', filled: 'purple', closed: 'default', expired: 'orange',
};

export const POLICY_DIRECTIONS = ['advanced_manufacturing', 'consumption', 'major_projects', 'livelihood', 'grassroots', 'private_sme', 'public_soe'];
export const EDUCATION_LEVELS = ['none', 'primary', 'junior_high', 'senior_high', 'vocational', 'college', 'bachelor', 'master'];

/** The employers the caller may see (an officer's paired enterprises, an employer's own), for names and choices. */
export function useEmployers() {
  const state = useApi<Page<Employer>>('/api/employers', { limit: 200 });
  const byId = new Map((state.data?.items ?? []).map((e) => [e.id, e]));
  return { state, employers: state.data?.items ?? [], name: (id: string) => byId.get(id)?.name ?? '…' };
}
