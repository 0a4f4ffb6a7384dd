import { countedPriorityGroups, countedPriorityGroupsSql, countsAsPriority, countsAsPrioritySql } from './priority-consent';

describe('priority groups count only with consent', () => {
  const groups = [{ group: 'veteran' as const }, { group: 'disabled' as const }];

  it('counts the groups of a seeker who consented', () => {
    expect(countedPriorityGroups({ priorityGroups: groups, consentSensitiveMatching: true })).toEqual(['veteran', 'disabled']);
    expect(countsAsPriority({ priorityGroups: groups, consentSensitiveMatching: true })).toBe(true);
  });

  it('counts nothing without consent, whatever the seeker claimed', () => {
    expect(countedPriorityGroups({ priorityGroups: groups, consentSensitiveMatching: false })).toEqual([]);
    expect(countsAsPriority({ priorityGroups: groups, consentSensitiveMatching: false })).toBe(false);
  });

  it('consent alone, without a group, is no priority', () => {
    expect(countsAsPriority({ priorityGroups: [], consentSensitiveMatching: true })).toBe(false);
    expect(countsAsPriority({ priorityGroups: null, consentSensitiveMatching: true })).toBe(false);
  });

  it('writes the same rule in SQL for a seeker alias', () => {
    expect(countsAsPrioritySql('p')).toBe('(p.consent_sensitive_matching AND jsonb_array_length(p.priority_groups) > 0)');
    expect(countedPriorityGroupsSql('s')).toMatch(/^CASE WHEN s\.consent_sensitive_matching THEN \(SELECT array_agg\(DISTINCT g ->> 'group'\) FROM jsonb_array_elements\(s\.priority_groups\) g/);
  });
});
