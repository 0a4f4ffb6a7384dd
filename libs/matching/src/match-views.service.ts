import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Principal, regionPrefix } from '@app/auth';
import { liveShortageSql, ShortageDirectory, ShortageMatchFacts } from '@app/employer-demand';
import { regionScope } from '@app/geocoding';
import { maskName } from '@app/identifiers';
import { SeekerMatchFacts, SeekerReads } from '@app/seeker-pool';
import { mediumGroupOf } from '@app/taxonomy';
import { fitCounts, MatchExplanationRecord, MatchGap, renderExplanation, renderGaps } from './core';
import { EmptyReason, emptyReason } from './empty-reasons';
import { boxAround } from './match-data.repository';
import { MatchSettings } from './match-settings';
import { MatchVersions } from './match-versions.service';

export interface CandidateView {
  rank: number;
  seekerId: string;
  name: string;
  regionCode: string;
  skillLevel: number | null;
  score: number;
  status: 'proposed' | 'sent';
  explanation: MatchExplanationRecord;
}

export interface RecommendationView {
  shortageId: string;
  title: string;
  employerName: string;
  occupationCode: string;
  regionCode: string;
  wageMin: number;
  wageMax: number;
  workType: string;
  score: number;
  explanation: MatchExplanationRecord;
}

export interface ReferralView {
  shortageId: string;
  title: string;
  employerName: string;
  occupationCode: string;
  regionCode: string;
  trainingOffered: string | null;
  score: number;
  gaps: MatchGap[];
}

export interface TrainingNeed {
  occupationCode: string;
  regionCode: string;
  kind: MatchGap['kind'];
  gap: string;
  seekers: number;
}

/**
 * What people see of the latest complete version of the match results, each in their own scope. Runs store
 * explanations as reason codes with parameters; the Chinese and English text is rendered here, for the rows of
 * the page being read.
 */
@Injectable()
export class MatchViewsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly shortages: ShortageDirectory,
    private readonly versions: MatchVersions,
    private readonly settings: MatchSettings,
    private readonly seekerReads: SeekerReads,
    private readonly seekerFacts: SeekerMatchFacts,
    private readonly shortageFacts: ShortageMatchFacts,
  ) {}

  /**
   * A shortage's ranked candidates with reasons. Officers and admins see the shortlist of the current version
   * and which candidates were sent; an employer sees only the candidates an officer sent, with masked names.
   */
  async candidates(
    principal: Principal,
    shortageId: string,
    offset: number,
    limit: number,
  ): Promise<{ runId: string | null; items: CandidateView[]; total: number; emptyReason: EmptyReason | null }> {
    await this.shortages.get(principal, shortageId);
    const runId = await this.versions.current();
    const employerView = principal.role === 'employer';
    const rows: Record<string, any>[] = await this.txHost.tx.query(
      employerView
        ? `SELECT d.seeker_id, d.score, d.explanation, 'sent' AS status, count(*) OVER () AS total
           FROM match_decision d
           WHERE d.shortage_id = $1 AND d.decision = 'sent'
           ORDER BY d.score DESC NULLS LAST, d.seeker_id OFFSET $2 LIMIT $3`
        : `SELECT r.seeker_id, r.score, r.explanation, CASE WHEN d.decision = 'sent' THEN 'sent' ELSE 'proposed' END AS status,
                  count(*) OVER () AS total
           FROM match_result r
           LEFT JOIN match_decision d ON d.shortage_id = r.shortage_id AND d.seeker_id = r.seeker_id
           WHERE r.run_id = $4 AND r.shortage_id = $1
           ORDER BY r.score DESC, r.seeker_id OFFSET $2 LIMIT $3`,
      employerView ? [shortageId, offset, limit] : [shortageId, offset, limit, runId],
    );
    // Results and decisions go with their seeker (by trigger and ON DELETE CASCADE); a seeker deleted between the two reads is left out.
    const seekers = await this.seekerReads.candidateSummaries(rows.map((row) => row.seeker_id));
    const empty = rows.length === 0 && offset === 0;
    return {
      runId,
      total: Number(rows[0]?.total ?? 0),
      emptyReason: !empty ? null : employerView ? emptyReason('shortage', 'none_sent') : await this.whyNoCandidates(shortageId, runId),
      items: rows.flatMap((row, i) => {
        const seeker = seekers.get(row.seeker_id);
        if (!seeker) return [];
        return {
          rank: offset + i + 1,
          seekerId: row.seeker_id,
          name: employerView ? maskName(seeker.name) : seeker.name,
          regionCode: seeker.regionCode,
          skillLevel: seeker.skillLevel,
          score: round(row.score ?? 0),
          status: row.status,
          explanation: renderExplanation(row.explanation, this.settings.names),
        };
      }),
    };
  }

  async recommendations(
    seekerId: string,
    offset: number,
    limit: number,
  ): Promise<{ runId: string | null; items: RecommendationView[]; total: number; emptyReason: EmptyReason | null }> {
    const runId = await this.versions.current();
    const rows: Record<string, any>[] = await this.txHost.tx.query(
      `SELECT r.shortage_id, r.score, r.explanation, s.title, s.occupation_code, s.region_code, s.wage_min, s.wage_max, s.work_type,
              e.name AS employer_name, count(*) OVER () AS total
       FROM match_result r JOIN shortage s ON s.id = r.shortage_id JOIN employer e ON e.id = s.employer_id
       WHERE r.run_id = $1 AND r.seeker_id = $2 AND ${liveShortageSql('s')}
       ORDER BY r.score DESC, r.shortage_id OFFSET $3 LIMIT $4`,
      [runId, seekerId, offset, limit],
    );
    return {
      runId,
      total: Number(rows[0]?.total ?? 0),
      emptyReason: rows.length === 0 && offset === 0 ? await this.whyNoRecommendations(seekerId, runId) : null,
      items: rows.map((row) => ({
        shortageId: row.shortage_id,
        title: row.title,
        employerName: row.employer_name,
        occupationCode: row.occupation_code,
        regionCode: row.region_code,
        wageMin: row.wage_min,
        wageMax: row.wage_max,
        workType: row.work_type,
        score: round(row.score),
        explanation: renderExplanation(row.explanation, this.settings.names),
      })),
    };
  }

  /** Matching for this record is queued or running (an unprocessed change, a full run in progress), or has never run. */
  private async pending(topic: 'shortage.changed' | 'seeker.changed', id: string, runId: string | null): Promise<boolean> {
    if (!runId) return true;
    const [row] = await this.txHost.tx.query(
      `SELECT EXISTS (SELECT 1 FROM outbox_event WHERE topic = $1 AND aggregate_id = $2 AND processed_at IS NULL)
              OR EXISTS (SELECT 1 FROM match_run WHERE status = 'running') AS pending`,
      [topic, id],
    );
    return row.pending;
  }

  /**
   * Why a shortage's shortlist is empty: matching pending, the shortage not open, or (re-checked now, with the
   * matcher's own rules) nobody of its occupation group within reach, no location to reach anyone by, nobody
   * eligible, or every fitting seeker placed elsewhere.
   */
  private async whyNoCandidates(shortageId: string, runId: string | null): Promise<EmptyReason> {
    if (await this.pending('shortage.changed', shortageId, runId)) return emptyReason('shortage', 'matching_pending');
    const shortage = await this.shortageFacts.live(shortageId);
    if (!shortage) return emptyReason('shortage', 'shortage_not_open');
    const group = mediumGroupOf(shortage.occupationCode);
    const seekers = group ? await this.seekerFacts.near([group], boxAround([shortage], this.settings.reachKm), [shortage.regionCode]) : [];
    const counts = fitCounts(seekers, [shortage]);
    if (counts.inReach === 0) {
      if (located(shortage)) return emptyReason('shortage', 'none_in_reach');
      return emptyReason('shortage', 'location_missing', { regionOnly: regionScope([shortage.regionCode]).codes.length === 0 });
    }
    if (counts.eligible === 0) return emptyReason('shortage', 'none_eligible', { inReach: counts.inReach, nearFit: counts.nearFit });
    return emptyReason('shortage', 'all_taken', { inReach: counts.eligible });
  }

  /** Why a seeker has no recommendations (the same reasons, from the seeker's side). */
  private async whyNoRecommendations(seekerId: string, runId: string | null): Promise<EmptyReason> {
    if (await this.pending('seeker.changed', seekerId, runId)) return emptyReason('seeker', 'matching_pending');
    const seeker = await this.seekerFacts.ofSeeker(seekerId);
    if (!seeker) return emptyReason('seeker', 'matching_pending');
    const groups = [...new Set([...seeker.desiredOccupations, ...seeker.experience.map((past) => past.occupationCode)].map(mediumGroupOf))].filter(
      (group): group is string => group !== null,
    );
    const shortages = await this.shortageFacts.liveNear(groups, boxAround([seeker], this.settings.reachKm), [seeker.regionCode]);
    const counts = fitCounts([seeker], shortages);
    if (counts.inReach === 0) {
      if (located(seeker)) return emptyReason('seeker', 'none_in_reach');
      return emptyReason('seeker', 'location_missing', { regionOnly: regionScope([seeker.regionCode]).codes.length === 0 });
    }
    if (counts.eligible === 0) return emptyReason('seeker', 'none_eligible', { inReach: counts.inReach, nearFit: counts.nearFit });
    return emptyReason('seeker', 'all_taken', { inReach: counts.eligible });
  }

  async referrals(seekerId: string): Promise<ReferralView[]> {
    const rows: Record<string, any>[] = await this.txHost.tx.query(
      `SELECT t.shortage_id, t.score, t.gaps, s.title, s.occupation_code, s.region_code, s.training_offered, e.name AS employer_name
       FROM training_referral t JOIN shortage s ON s.id = t.shortage_id JOIN employer e ON e.id = s.employer_id
       WHERE t.run_id = $1 AND t.seeker_id = $2 AND ${liveShortageSql('s')}
       ORDER BY t.score DESC, t.shortage_id LIMIT 50`,
      [await this.versions.current(), seekerId],
    );
    return rows.map((row) => ({
      shortageId: row.shortage_id,
      title: row.title,
      employerName: row.employer_name,
      occupationCode: row.occupation_code,
      regionCode: row.region_code,
      trainingOffered: row.training_offered,
      score: round(row.score),
      gaps: renderGaps(row.gaps, this.settings.names),
    }));
  }

  /** 培训需求: the skill and certificate gaps of near-fit seekers, per occupation and region, most common first. */
  async trainingNeeds(filter: { regionCode?: string; occupation?: string; limit: number }): Promise<TrainingNeed[]> {
    const rows: Record<string, any>[] = await this.txHost.tx.query(
      `SELECT t.occupation_code, t.region_code, g->>'kind' AS kind, coalesce(g->>'code', g->>'name') AS gap, count(DISTINCT t.seeker_id)::int AS seekers
       FROM training_referral t CROSS JOIN jsonb_array_elements(t.gaps) g
       WHERE t.run_id = $1 AND ($2::text IS NULL OR t.region_code LIKE $2 || '%') AND ($3::text IS NULL OR t.occupation_code LIKE $3 || '%')
       GROUP BY 1, 2, 3, 4 ORDER BY seekers DESC, 1, 2, 4 LIMIT $4`,
      [await this.versions.current(), filter.regionCode ? regionPrefix(filter.regionCode) : null, filter.occupation ?? null, filter.limit],
    );
    return rows.map((row) => ({ occupationCode: row.occupation_code, regionCode: row.region_code, kind: row.kind, gap: row.gap, seekers: row.seekers }));
  }
}

const round = (score: number) => Math.round(score * 10) / 10;

const located = (record: { lat: number | null; lng: number | null }) => record.lat !== null && record.lng !== null;
