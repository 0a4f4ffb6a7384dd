import fc from 'fast-check';
import { clusterDemand, occupationFamily, selectUnmet, unmetCauses } from './clusters';
import { distanceKm } from './geo';
import { UnmetShortage } from './types';

const options = { today: '2025-07-01', strongPerOpening: 2, deadlineSoonDays: 14 };
const shortage = (over: Partial<UnmetShortage> = {}): UnmetShortage => ({
  id: 'sh-1',
  employerId: 'em-1',
  occupationCode: '4-10-01-05',
  regionCode: '460105',
  lat: 20,
  lng: 110.3,
  openHeadcount: 2,
  strongCandidates: 10,
  urgency: 'normal',
  deadline: '2025-09-01',
  candidates: [],
  ...over,
});

describe('occupationFamily', () => {
  it('is the minor group', () => {
    expect(occupationFamily('4-10-01-05')).toBe('4-10-01');
    expect(occupationFamily('4-10-01')).toBe('4-10-01');
  });
});

describe('unmetCauses', () => {
  it('names why a shortage needs an event', () => {
    expect(unmetCauses(shortage(), options)).toEqual([]);
    expect(unmetCauses(shortage({ openHeadcount: 0, urgency: 'critical' }), options)).toEqual([]);
    expect(unmetCauses(shortage({ strongCandidates: 3 }), options)).toEqual(['few_strong']);
    expect(unmetCauses(shortage({ urgency: 'urgent' }), options)).toEqual(['urgent']);
    expect(unmetCauses(shortage({ deadline: '2025-07-15' }), options)).toEqual(['deadline']);
    expect(unmetCauses(shortage({ deadline: '2025-06-20', urgency: 'critical', strongCandidates: 0 }), options)).toEqual([
      'few_strong',
      'urgent',
      'deadline',
    ]);
  });
});

describe('clusterDemand', () => {
  const arbitraryShortages = fc.array(
    fc.record({
      lat: fc.double({ min: 18.2, max: 20.1, noNaN: true }),
      lng: fc.double({ min: 108.7, max: 111, noNaN: true }),
      family: fc.constantFrom('4-10-01', '4-07-04', '6-29-01'),
      open: fc.integer({ min: 1, max: 20 }),
    }),
    { maxLength: 150 },
  );

  it('puts each unmet shortage in one cluster of one family, no wider than the catchment', () => {
    fc.assert(
      fc.property(arbitraryShortages, fc.constantFrom(10, 30, 60), (rows, catchmentKm) => {
        const entries = selectUnmet(
          rows.map((r, k) => shortage({ id: `sh-${k}`, lat: r.lat, lng: r.lng, occupationCode: `${r.family}-01`, openHeadcount: r.open, strongCandidates: 0 })),
          options,
        );
        const clusters = clusterDemand(entries, catchmentKm);
        expect(clusters.flatMap((c) => c.members.map((m) => m.shortage.id)).sort()).toEqual(entries.map((e) => e.shortage.id).sort());
        for (const c of clusters) {
          expect(new Set(c.members.map((m) => m.family))).toEqual(new Set([c.occupationFamily]));
          expect(c.openHeadcount).toBe(c.members.reduce((sum, m) => sum + m.shortage.openHeadcount, 0));
          for (const a of c.members) for (const b of c.members) expect(distanceKm(a, b)).toBeLessThanOrEqual(catchmentKm + 1e-9);
        }
        for (let k = 1; k < clusters.length; k++) expect(clusters[k - 1].weight).toBeGreaterThanOrEqual(clusters[k].weight);
        expect(clusterDemand([...entries].reverse(), catchmentKm)).toEqual(clusters);
      }),
      { numRuns: 100 },
    );
  });

  it('centres a cluster on the densest demand', () => {
    const entries = selectUnmet(
      [
        shortage({ id: 'a', lat: 20.0, lng: 110.3, openHeadcount: 5, strongCandidates: 0 }),
        shortage({ id: 'b', lat: 20.01, lng: 110.31, openHeadcount: 5, strongCandidates: 0 }),
        shortage({ id: 'c', lat: 20.2, lng: 110.3, openHeadcount: 1, strongCandidates: 0 }),
      ],
      options,
    );
    const [first, second] = clusterDemand(entries, 30);
    expect(first.members.map((m) => m.shortage.id)).toEqual(['a', 'b']);
    expect(first.centre.lat).toBeCloseTo(20.005, 6);
    expect(second.members.map((m) => m.shortage.id)).toEqual(['c']);
  });
});
