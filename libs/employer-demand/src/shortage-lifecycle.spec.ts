import {
  isEditable,
  isLive,
  LIVE_SHORTAGE_STATUSES,
  liveShortageSql,
  liveShortageWithPlacesSql,
  UNENDED_SHORTAGE_STATUSES,
  unendedShortageSql,
} from './shortage-lifecycle';
import { SHORTAGE_STATUSES } from './shortage.entity';

describe('shortage lifecycle rules', () => {
  it('a live shortage is open or partially filled, nothing else', () => {
    expect(SHORTAGE_STATUSES.filter(isLive)).toEqual(['open', 'partially_filled']);
    expect([...LIVE_SHORTAGE_STATUSES]).toEqual(['open', 'partially_filled']);
  });

  it('a shortage is editable until it is filled, closed or expired', () => {
    expect(SHORTAGE_STATUSES.filter(isEditable)).toEqual(['draft', 'screening', 'open', 'partially_filled']);
    expect(SHORTAGE_STATUSES.filter((s) => !UNENDED_SHORTAGE_STATUSES.includes(s))).toEqual(['filled', 'closed', 'expired']);
  });

  it('writes the same rules in SQL, with or without a table alias', () => {
    expect(liveShortageSql()).toBe(`status IN ('open', 'partially_filled')`);
    expect(liveShortageSql('s')).toBe(`s.status IN ('open', 'partially_filled')`);
    expect(liveShortageWithPlacesSql('s')).toBe(`s.status IN ('open', 'partially_filled') AND s.headcount > s.filled_headcount`);
    expect(liveShortageWithPlacesSql()).toBe(`status IN ('open', 'partially_filled') AND headcount > filled_headcount`);
    expect(unendedShortageSql()).toBe(`status IN ('draft', 'screening', 'open', 'partially_filled')`);
  });
});
