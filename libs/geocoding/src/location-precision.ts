/**
 * How precisely a stored location is known. Coordinates inside the platform are WGS-84.
 * - `point`: an exact point (given by the user, a pin, or an address the geocoder resolved to a building/landmark);
 * - `township`: the centroid of a 镇/乡/街道/农场/开发区;
 * - `district`: the centroid or seat of a 市辖区, county or county-level city;
 * - `city`: the seat of a prefecture-level city (the coarsest usable location).
 * A record with no coordinates at all has a null precision and is matched by region.
 */
export const LOCATION_PRECISIONS = ['point', 'township', 'district', 'city'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];
