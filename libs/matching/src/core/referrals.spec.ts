import { aggregateTrainingDemand, ExplainedPair, trainingReferrals } from './referrals';
import { explainMatch, fixtureSeeker, fixtureShortage } from '../testing';

describe('training referrals', () => {
  const names = { certificate: (code: string) => ({ 'SPO-1.1': '电工证', 'SPO-3.1': '高处作业证' })[code] };
  const shortage = fixtureShortage({ requiredCertificates: ['SPO-1.1', 'SPO-3.1'] });
  const pair = (seekerId: string, overrides = {}, s = shortage): ExplainedPair => ({
    seekerId,
    shortageId: s.id,
    occupationCode: s.occupationCode,
    regionCode: s.regionCode,
    explanation: explainMatch(fixtureSeeker({ id: seekerId, ...overrides }), s, undefined, names),
  });

  it('refers near fits only, once per pair, with their gaps', () => {
    const pairs = [
      pair('a'),
      pair('a'),
      pair('b', { skills: [{ name: '电气接线', level: 3 }] }),
      pair('c', { certificates: ['SPO-1.1', 'SPO-3.1'] }),
      pair('d', { skills: [], certificates: [] }),
    ];
    expect(pairs.map((p) => [p.explanation.eligible, p.explanation.nearFit])).toEqual([
      [false, true],
      [false, true],
      [false, true],
      [true, false],
      [false, false],
    ]);
    const referrals = trainingReferrals(pairs);
    expect(referrals.map((r) => r.seekerId)).toEqual(['a', 'b']);
    expect(referrals[0]).toEqual({ seekerId: 'a', shortageId: 'shortage-1', occupationCode: '6-31-01-03', regionCode: '460106', gaps: [{ kind: 'certificate', name: '高处作业证', code: 'SPO-3.1' }] });
    expect(referrals[1].gaps).toEqual([
      { kind: 'skill', name: '低压配电', requiredLevel: 2, heldLevel: 0 },
      { kind: 'certificate', name: '高处作业证', code: 'SPO-3.1' },
    ]);
  });

  it('aggregates demand per occupation, county and gap, counting distinct seekers, largest first', () => {
    const other = fixtureShortage({ id: 'shortage-2', requiredCertificates: ['SPO-1.1', 'SPO-3.1'] });
    const referrals = trainingReferrals([pair('a'), pair('b', { skills: [{ name: '电气接线', level: 3 }] }), pair('a', {}, other), pair('e', { regionCode: '460108' })]);
    expect(aggregateTrainingDemand(referrals)).toEqual([
      { occupationCode: '6-31-01-03', regionCode: '460106', kind: 'certificate', name: '高处作业证', code: 'SPO-3.1', seekers: 3 },
      { occupationCode: '6-31-01-03', regionCode: '460106', kind: 'skill', name: '低压配电', seekers: 1 },
    ]);
    expect(aggregateTrainingDemand([])).toEqual([]);
  });
});
