import { minorGroupOrSelf, occupationCodePath } from '@app/taxonomy';

/** Helpers for building document tags; the engines filter on these tags exactly. */

/** '4-10-01-05' → ['4', '4-10', '4-10-01', '4-10-01-05'] (libs/taxonomy/src/occupation-code.ts). */
export const occupationCodeLevels: (code: string) => string[] = occupationCodePath;

/** The minor group of a detailed code ('4-10-01-05' → '4-10-01'); shorter codes are their own family. */
export const occupationFamilyOf: (code: string) => string = minorGroupOrSelf;

/**
 * A Hainan region code with the units above it, for roll-ups: a district gives its city
 * ('460106' → ['460106', '460100']), 洋浦 gives 儋州 ('460400499' → ['460400499', '460400']), a
 * county-level unit under the province ('4690xx') only itself. Township codes work too.
 */
export function regionCodeLevels(code: string): string[] {
  const levels = [code];
  const county = code.slice(0, 6);
  if (code.length > 6) levels.push(county);
  const city = `${county.slice(0, 4)}00`;
  if (county.slice(2, 4) !== '90' && city !== county) levels.push(city);
  return levels;
}
