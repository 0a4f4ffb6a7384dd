import { screenPosting } from './screen';
import { loadAdLines } from './testing';

describe('real ad lines (data/corpus/ad-lines.csv)', () => {
  const lines = loadAdLines();

  it('holds at least 1,000 labelled lines, each with its source and licence, in a dev and a held-out part', () => {
    expect(lines.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
    for (const line of lines) {
      expect(['discriminatory', 'fraudulent', 'warning', 'lawful']).toContain(line.label);
      expect(['dev', 'heldout']).toContain(line.split);
      expect(line.text && line.kind && line.source && line.licence && line.postingUrl).toBeTruthy();
    }
    expect(lines.filter((l) => l.split === 'heldout').length).toBeGreaterThan(300);
  });

  it('never blocks a line that only denies a condition (无押金, 男女不限, 不收取任何费用)', () => {
    const blocked = lines
      .filter((l) => l.kind === 'denial')
      .filter((l) => screenPosting({ description: l.text }).verdict === 'BLOCK')
      .map((l) => `${l.id}: ${l.text}`);
    expect(blocked).toEqual([]);
  });
});
