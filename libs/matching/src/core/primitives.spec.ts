import { skillCredit, skillMet } from './primitives';

describe('skill fit', () => {
  it('a skill is met at the level asked or above', () => {
    expect(skillMet(3, 3)).toBe(true);
    expect(skillMet(4, 3)).toBe(true);
    expect(skillMet(2, 3)).toBe(false);
    expect(skillMet(0, 1)).toBe(false);
  });

  it('a requirement without a level is met by anyone', () => {
    expect(skillMet(0, 0)).toBe(true);
  });

  it('credit is full exactly when the skill is met, proportional below, 0 when not held', () => {
    for (let required = 0; required <= 5; required++) {
      for (let held = 0; held <= 5; held++) {
        expect(skillCredit(held, required) === 1).toBe(skillMet(held, required));
      }
    }
    expect(skillCredit(2, 4)).toBe(0.5);
    expect(skillCredit(0, 4)).toBe(0);
  });
});
