import { layoff, LayoffCase } from '../case';

const e1 = (id: string, count: number, effectiveDate: string, patch = {}) => layoff({ id, count, effectiveDate, noticeDate: undefined, ...patch });

/** 劳动合同法 第41条: threshold (20 people, or fewer but at least 10% of staff), 30 days' notice, split layoffs over 90 days. */
export const LAYOFF_CASES: LayoffCase[] = [
  { name: '25 people of 500: reportable by count, every check passes', report: layoff(), expect: { reportable: true, reachedBy: 'count', windowTotal: 25 } },
  { name: 'exactly 20 people: the threshold is inclusive', report: layoff({ count: 20 }), expect: { reportable: true, reachedBy: 'count' } },
  { name: '19 of 500 (3.8%): not reportable', report: layoff({ count: 19 }), expect: { reportable: false, reachedBy: null, fail: ['THRESHOLD'] } },
  { name: '10 of 100: exactly 10% of staff is reportable', report: layoff({ count: 10, staff: 100 }), expect: { reportable: true, reachedBy: 'share' } },
  { name: '9 of 100: under 10%', report: layoff({ count: 9, staff: 100 }), expect: { reportable: false, reachedBy: null, fail: ['THRESHOLD'] } },
  { name: '5 of 40: 12.5% is reportable', report: layoff({ count: 5, staff: 40 }), expect: { reportable: true, reachedBy: 'share' } },
  { name: '19 people, staff unknown: unknown, not refused', report: layoff({ count: 19, staff: undefined }), expect: { reportable: false, reachedBy: null, unknown: ['THRESHOLD'] } },
  { name: '60 people, staff unknown: reportable by count', report: layoff({ count: 60, staff: undefined }), expect: { reportable: true, reachedBy: 'count' } },
  { name: 'notice of exactly 30 days passes', report: layoff({ noticeDate: '2026-03-02', effectiveDate: '2026-04-01' }), expect: { reportable: true, reachedBy: 'count' } },
  { name: 'notice of 29 days fails', report: layoff({ noticeDate: '2026-03-03', effectiveDate: '2026-04-01' }), expect: { reportable: true, reachedBy: 'count', fail: ['NOTICE'] } },
  { name: 'notice after the layoff fails', report: layoff({ noticeDate: '2026-04-05', effectiveDate: '2026-04-01' }), expect: { reportable: true, reachedBy: 'count', fail: ['NOTICE'] } },
  { name: 'no notice date: unknown', report: layoff({ noticeDate: undefined }), expect: { reportable: true, reachedBy: 'count', unknown: ['NOTICE'] } },
  { name: 'ground outside §41 fails', report: layoff({ ground: 'other' }), expect: { reportable: true, reachedBy: 'count', fail: ['GROUND'] } },
  { name: 'no ground: unknown', report: layoff({ ground: undefined }), expect: { reportable: true, reachedBy: 'count', unknown: ['GROUND'] } },
  { name: 'union not consulted fails', report: layoff({ unionConsulted: false }), expect: { reportable: true, reachedBy: 'count', fail: ['UNION'] } },
  { name: 'union consultation not stated: unknown', report: layoff({ unionConsulted: undefined }), expect: { reportable: true, reachedBy: 'count', unknown: ['UNION'] } },
  {
    name: 'split: 15 + 15 within 60 days of 1,000 staff sum to 30',
    report: e1('B', 15, '2026-05-01', { staff: 1000, noticeDate: '2026-03-20' }),
    others: [e1('A', 15, '2026-03-02', { staff: 1000 })],
    expect: { reportable: true, reachedBy: 'split', windowTotal: 30 },
  },
  {
    name: 'split: three layoffs of 8 within 89 days sum to 24',
    report: e1('C', 8, '2026-03-30', { staff: 1000, noticeDate: '2026-02-01' }),
    others: [e1('A', 8, '2026-01-01', { staff: 1000 }), e1('B', 8, '2026-02-15', { staff: 1000 })],
    expect: { reportable: true, reachedBy: 'split', windowTotal: 24 },
  },
  {
    name: 'not split: 15 and 15 exactly 90 days apart fall in no common 90-day window',
    report: e1('B', 15, '2026-04-01', { staff: 1000 }),
    others: [e1('A', 15, '2026-01-01', { staff: 1000 })],
    expect: { reportable: false, reachedBy: null, windowTotal: 15, fail: ['THRESHOLD'] },
  },
  {
    name: 'split: 15 and 15 89 days apart are summed',
    report: e1('B', 15, '2026-03-31', { staff: 1000, noticeDate: '2026-01-01' }),
    others: [e1('A', 15, '2026-01-01', { staff: 1000 })],
    expect: { reportable: true, reachedBy: 'split', windowTotal: 30 },
  },
  {
    name: 'split: a later report in the window counts for the earlier one',
    report: e1('A', 12, '2026-01-10', { staff: 1000, noticeDate: '2025-12-01' }),
    others: [e1('B', 12, '2026-02-10', { staff: 1000 })],
    expect: { reportable: true, reachedBy: 'split', windowTotal: 24 },
  },
  {
    name: 'split by share: 6 + 6 of 100 staff reach 12%',
    report: e1('B', 6, '2026-02-01', { staff: 100, noticeDate: '2025-12-20' }),
    others: [e1('A', 6, '2026-01-01', { staff: 100 })],
    expect: { reportable: true, reachedBy: 'split', windowTotal: 12 },
  },
  {
    name: 'another employer\'s layoffs are not summed',
    report: e1('B', 15, '2026-02-01', { staff: 1000 }),
    others: [e1('A', 15, '2026-01-15', { staff: 1000, employerId: 'E2' })],
    expect: { reportable: false, reachedBy: null, windowTotal: 15, fail: ['THRESHOLD'] },
  },
  {
    name: 'an amended report no longer counts toward the sum',
    report: e1('B', 15, '2026-02-01', { staff: 1000 }),
    others: [e1('A', 15, '2026-01-15', { staff: 1000 }), e1('A2', 3, '2026-01-15', { staff: 1000, amends: 'A' })],
    expect: { reportable: false, reachedBy: null, windowTotal: 18, fail: ['THRESHOLD'] },
  },
  {
    name: 'split with short notice on the summed layoff fails the notice',
    report: e1('B', 15, '2026-02-01', { staff: 1000, noticeDate: '2026-01-20' }),
    others: [e1('A', 15, '2026-01-15', { staff: 1000 })],
    expect: { reportable: true, reachedBy: 'split', windowTotal: 30, fail: ['NOTICE'] },
  },
  {
    name: 'the best window is taken: 10, 10 and 10 with the first 100 days before the third',
    report: e1('C', 10, '2026-04-11', { staff: 1000, noticeDate: '2026-01-01' }),
    others: [e1('A', 10, '2026-01-01', { staff: 1000 }), e1('B', 10, '2026-03-01', { staff: 1000 })],
    expect: { reportable: true, reachedBy: 'split', windowTotal: 20 },
  },
];
