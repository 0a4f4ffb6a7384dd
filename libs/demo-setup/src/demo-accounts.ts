import type * as Generated from '@app/demo-data';

const HAIKOU_PREFIX = '4601';
const ELDERLY_CARE_WORKER = '4-10-01-05';

interface DemoData {
  stations: Generated.Station[];
  employers: Generated.Employer[];
  officers: Generated.Officer[];
  pairings: Generated.Pairing[];
  seekers: Generated.Seeker[];
  shortages: Generated.Shortage[];
}

/**
 * Picks the records the demo accounts act for, so each role has something to explore: an officer in 海口 with
 * paired enterprises, an elderly-care employer paired with that officer and hiring, a 海口 seeker who wants
 * elderly-care work, and a 海口 employment station.
 */
export function chooseDemoAccounts(data: DemoData) {
  const inHaikou = (regionCode: string) => regionCode.startsWith(HAIKOU_PREFIX);
  const pairedCount = (officerKey: string) => data.pairings.filter((p) => p.officerKey === officerKey).length;
  const officer =
    [...data.officers].filter((o) => inHaikou(o.regionCode)).sort((a, b) => pairedCount(b.key) - pairedCount(a.key))[0] ?? data.officers[0];

  const pairedWithOfficer = new Set(data.pairings.filter((p) => p.officerKey === officer.key).map((p) => p.employerKey));
  const hiring = new Map<string, Generated.Shortage[]>();
  for (const shortage of data.shortages) hiring.set(shortage.employerKey, [...(hiring.get(shortage.employerKey) ?? []), shortage]);
  const employerScore = (e: Generated.Employer) =>
    (pairedWithOfficer.has(e.key) ? 4 : 0) +
    ((hiring.get(e.key) ?? []).some((s) => s.occupationCode === ELDERLY_CARE_WORKER) ? 2 : 0) +
    ((hiring.get(e.key) ?? []).length > 0 ? 1 : 0);
  const employer = [...data.employers].sort((a, b) => employerScore(b) - employerScore(a))[0];

  const seeker =
    data.seekers.find((s) => inHaikou(s.regionCode) && s.desiredOccupations[0] === ELDERLY_CARE_WORKER) ??
    data.seekers.find((s) => inHaikou(s.regionCode)) ??
    data.seekers[0];
  const station = data.stations.find((s) => inHaikou(s.regionCode) && s.type === 'employment_station') ?? data.stations[0];

  return { officer, employer, seeker, station };
}
