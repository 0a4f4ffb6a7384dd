import { MatchExplanation, MatchGap } from './reasons';

/** A near-fit pair: the seeker lacks 1–2 required skills or certificates for the shortage (training referral). */
export interface NearFitReferral {
  seekerId: string;
  shortageId: string;
  occupationCode: string;
  regionCode: string;
  gaps: MatchGap[];
}

export interface ExplainedPair {
  seekerId: string;
  shortageId: string;
  occupationCode: string;
  regionCode: string;
  explanation: MatchExplanation;
}

/** Near-fit pairs become referrals, in input order; a pair listed twice is referred once. */
export function trainingReferrals(explanations: Iterable<ExplainedPair>): NearFitReferral[] {
  const seen = new Set<string>();
  const referrals: NearFitReferral[] = [];
  for (const pair of explanations) {
    if (!pair.explanation.nearFit) continue;
    const key = `${pair.seekerId}\u0000${pair.shortageId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    referrals.push({ seekerId: pair.seekerId, shortageId: pair.shortageId, occupationCode: pair.occupationCode, regionCode: pair.regionCode, gaps: pair.explanation.gaps });
  }
  return referrals;
}

export interface TrainingDemandRow {
  occupationCode: string;
  regionCode: string;
  kind: MatchGap['kind'];
  /** Skill name, or the certificate's display name. */
  name: string;
  /** Certificate code, when the gap is a certificate. */
  code?: string;
  /** Distinct seekers referred with this gap. */
  seekers: number;
}

/**
 * Training demand by (occupation, county, gap): how many distinct seekers each course would unlock. Sorted by
 * seekers descending, then occupation, county, kind and name (a stable order for reports).
 */
export function aggregateTrainingDemand(referrals: Iterable<NearFitReferral>): TrainingDemandRow[] {
  const rows = new Map<string, { row: TrainingDemandRow; seekers: Set<string> }>();
  for (const referral of referrals) {
    for (const gap of referral.gaps) {
      const gapKey = gap.kind === 'certificate' ? (gap.code ?? gap.name) : gap.name;
      const key = [referral.occupationCode, referral.regionCode, gap.kind, gapKey].join('\u0000');
      let entry = rows.get(key);
      if (!entry) {
        const row: TrainingDemandRow = { occupationCode: referral.occupationCode, regionCode: referral.regionCode, kind: gap.kind, name: gap.name, seekers: 0 };
        if (gap.code !== undefined) row.code = gap.code;
        entry = { row, seekers: new Set() };
        rows.set(key, entry);
      }
      entry.seekers.add(referral.seekerId);
    }
  }
  const out = [...rows.values()].map(({ row, seekers }) => ({ ...row, seekers: seekers.size }));
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort(
    (a, b) => b.seekers - a.seekers || text(a.occupationCode, b.occupationCode) || text(a.regionCode, b.regionCode) || text(a.kind, b.kind) || text(a.name, b.name),
  );
}
