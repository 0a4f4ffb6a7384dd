/**
 * The shape of an occupation code of 职业分类大典 (2022), the one home of its hierarchy, with one word per level:
 * major group (大类, '4'), medium group (中类, '4-10'), minor group (小类, '4-10-01'), detailed occupation (细类,
 * '4-10-01-05'). Pure string work on well-formed codes; the Taxonomy checks that a code exists.
 */
export interface OccupationLevels {
  readonly major: string;
  readonly medium: string | null;
  readonly minor: string | null;
  readonly detail: string | null;
}

// The classification has about 1,600 codes: caching their split costs little and spares matching explanations a lot.
const levelsCache = new Map<string, OccupationLevels>();
const LEVELS_CACHE_LIMIT = 50_000;

/** '4-10-01-05' → major '4', medium '4-10', minor '4-10-01', detail '4-10-01-05'; levels the code lacks are null. */
export function occupationLevels(code: string): OccupationLevels {
  let levels = levelsCache.get(code);
  if (levels) return levels;
  const parts = code.split('-');
  levels = Object.freeze({
    major: parts[0],
    medium: parts.length >= 2 ? parts.slice(0, 2).join('-') : null,
    minor: parts.length >= 3 ? parts.slice(0, 3).join('-') : null,
    detail: parts.length >= 4 ? parts.slice(0, 4).join('-') : null,
  });
  if (levelsCache.size < LEVELS_CACHE_LIMIT) levelsCache.set(code, levels);
  return levels;
}

/** The code and every level above it, coarsest first: '4-10-01-05' → ['4', '4-10', '4-10-01', '4-10-01-05']. */
export function occupationCodePath(code: string): string[] {
  const parts = code.split('-');
  return parts.map((_, i) => parts.slice(0, i + 1).join('-'));
}

/** The medium group ('4-10') of a code of that level or deeper; null for a major group. */
export function mediumGroupOf(code: string): string | null {
  return occupationLevels(code).medium;
}

/**
 * The minor group ('4-10-01') of a detailed occupation, or the code itself when it is a minor group or coarser: the
 * unit of "the same line of work" for experience, candidate blocking and event planning (also called its family).
 */
export function minorGroupOrSelf(code: string): string {
  return occupationLevels(code).minor ?? code;
}

/**
 * SQL: the medium group of an occupation-code column (NULL for a major group), as `mediumGroupOf`. `shortage` has an
 * index on this very expression (migration ShortageMediumGroupIndex…): change both together.
 */
export const mediumGroupSql = (column: string): string => `substring(${column} from '^[0-9]+-[0-9]+')`;
