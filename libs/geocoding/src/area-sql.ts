/** A latitude/longitude box, in degrees. */
export interface GeoBox {
  latMin: number;
  latMax: number;
  lngMin: number;
  lngMax: number;
}

/**
 * The region codes within reach by region of these (the matching core's `regionRelation`): each code itself; for
 * a district (460105) its city's code (460100), whose records' county is unknown; for a city with districts
 * (460100) every 6-digit code under it. The province (460000) reaches nothing by region.
 */
export function regionScope(regionCodes: string[]): { codes: string[]; cityPrefixes: string[] } {
  const codes = new Set<string>();
  const cityPrefixes = new Set<string>();
  for (const code of regionCodes) {
    if (!code || code.endsWith('0000')) continue;
    codes.add(code);
    if (code.length !== 6) continue;
    if (code.endsWith('00')) cityPrefixes.add(code.slice(0, 4));
    else codes.add(`${code.slice(0, 4)}00`);
  }
  return { codes: [...codes], cityPrefixes: [...cityPrefixes] };
}

/**
 * SQL: the record (table alias with `lat`, `lng`, `region_code`) lies inside the box, or (located or not) in a
 * region within reach by region of `regionCodes` (`regionScope`): a record without coordinates is never left out.
 * Its positional parameters start at `$first`; a null box holds nothing (records reached by region only).
 */
export function nearAreaSql(alias: string, first: number, box: GeoBox | null, regionCodes: string[]): { sql: string; params: unknown[] } {
  const scope = regionScope(regionCodes);
  const $ = (k: number) => `$${first + k}`;
  const region = `${alias}.region_code`;
  return {
    sql:
      `((${alias}.lat BETWEEN ${$(0)} AND ${$(1)} AND ${alias}.lng BETWEEN ${$(2)} AND ${$(3)}) OR ` +
      `(${region} = ANY(${$(4)}::text[]) OR (length(${region}) = 6 AND left(${region}, 4) = ANY(${$(5)}::text[]))))`,
    params: [...(box ? [box.latMin, box.latMax, box.lngMin, box.lngMax] : [1, 0, 1, 0]), scope.codes, scope.cityPrefixes],
  };
}
