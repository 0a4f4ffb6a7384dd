import { useApi } from '../../app/hooks';
import type { EmployerPage } from '../../api/types';
export type { Employer, ScreenFinding, ScreenResult, Shortage } from '../../api/types';
export { educationLevelValues as EDUCATION_LEVELS, policyDirectionValues as POLICY_DIRECTIONS } from '../../api/types';

export const SHORTAGE_STATUS_COLOR: Record<string, string> = {
  draft: 'default', screening: 'blue', open: 'green', partially_filled: 'cyan', filled: 'purple', closed: 'default', expired: 'orange',
};

/** The employers the caller may see (an officer's paired enterprises, an employer's own), for names and choices. */
export function useEmployers() {
  const state = useApi<EmployerPage>('/api/employers', { limit: 200 });
  const byId = new Map((state.data?.items ?? []).map((e) => [e.id, e]));
  return { state, employers: state.data?.items ?? [], name: (id: string) => byId.get(id)?.name ?? '…' };
}
