import { useApi } from '../../app/hooks';
export type { Employer, ScreenFinding, ScreenResult, Shortage } from '../../api/types';
import type { Shortage } from '../../api/types';
export {
  educationLevelValues as EDUCATION_LEVELS, policyDirectionValues as POLICY_DIRECTIONS, shortageStatusValues as SHORTAGE_STATUSES, workTypeValues as WORK_TYPES,
} from '../../api/types';

export const SHORTAGE_STATUS_COLOR: Record<Shortage['status'], string> = {
  draft: 'default', screening: 'blue', open: 'green', partially_filled: 'cyan', filled: 'purple', closed: 'default', expired: 'orange',
};

/** The employers the caller may see (an officer's paired enterprises, an employer's own), for names and choices. */
export function useEmployers() {
  const state = useApi('/api/employers', { query: { limit: 200 } });
  const byId = new Map((state.data?.items ?? []).map((e) => [e.id, e]));
  return { state, employers: state.data?.items ?? [], name: (id: string) => byId.get(id)?.name ?? '…' };
}
