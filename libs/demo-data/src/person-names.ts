import { FEMALE_NAME_CHARS, MALE_NAME_CHARS, NEUTRAL_NAME_CHARS, SURNAMES } from './catalog/names';
import { Rng, WeightedTable } from './prng';
import { Gender } from './types';

const surnames = WeightedTable.of(SURNAMES);

function givenChar(rng: Rng, gender: Gender): string {
  if (rng.chance(0.2)) return NEUTRAL_NAME_CHARS[rng.int(0, NEUTRAL_NAME_CHARS.length - 1)];
  const chars = gender === 'male' ? MALE_NAME_CHARS : FEMALE_NAME_CHARS;
  return chars[rng.int(0, chars.length - 1)];
}

/** A synthetic Chinese name: surname plus one or two given-name characters. */
export function personName(rng: Rng, gender: Gender): string {
  const surname = surnames.pick(rng);
  return rng.chance(0.3) ? surname + givenChar(rng, gender) : surname + givenChar(rng, gender) + givenChar(rng, gender);
}

export function surname(rng: Rng): string {
  return surnames.pick(rng);
}

const MOBILE_PREFIXES = WeightedTable.of<string>([
  ['138', 6], ['139', 6], ['136', 4], ['135', 4], ['137', 3], ['150', 3], ['151', 3], ['152', 3], ['157', 2], ['158', 3],
  ['159', 3], ['182', 3], ['183', 2], ['187', 3], ['188', 3], ['198', 2], ['130', 3], ['131', 3], ['132', 2], ['155', 2],
  ['156', 2], ['185', 2], ['186', 3], ['166', 1], ['133', 2], ['153', 2], ['180', 2], ['181', 2], ['189', 3], ['199', 2],
  ['177', 1], ['173', 1], ['191', 1], ['195', 1],
]);

/** 11 digits: a carrier prefix plus an 8-digit number that the caller makes unique. */
export function mobileNumber(rng: Rng, uniqueEightDigits: number): string {
  return MOBILE_PREFIXES.pick(rng) + String(uniqueEightDigits).padStart(8, '0');
}
