import { makeCreditCode, makeOrganizationCode, CREDIT_CODE_ALPHABET } from '@app/identifiers';
import { BUILDINGS, ROADS } from './catalog/names';
import { Sector } from './catalog/sectors';
import { EMPLOYER_PHONE_OFFSET, GeneratorContext } from './context';
import { employerName, SHOP_WORDS } from './employer-names';
import { jitter } from './geo';
import { mobileNumber, personName } from './person-names';
import { parkInfo, Place } from './places';
import { Rng, WeightedTable } from './prng';
import { Employer, Ownership, ParkKey, SizeClass } from './types';

/** Share of employers in a sector with parks that sit in one of them. */
const PARK_SHARE = 0.3;

/** GB 32100 position 1-2 (registering authority and type) and the organisation-code marker after the region. */
const CODE_PARTS: Record<Ownership, { prefix: string; marker: string }> = {
  private: { prefix: '91', marker: 'MA' },
  soe: { prefix: '91', marker: 'MA' },
  public_institution: { prefix: '12', marker: 'MB' },
  social_organisation: { prefix: '52', marker: 'MJ' },
  individual_business: { prefix: '92', marker: 'MA' },
};

const SOE_SIZES: [SizeClass, number][] = [['small', 20], ['medium', 50], ['large', 30]];

/** An employer with the facts other generators need but the record does not carry. */
export interface EmployerDraft {
  employer: Employer;
  sector: Sector;
  place: Place;
}

const tables = new WeakMap<object, WeightedTable<unknown>>();
function weighted<T>(entries: [T, number][]): WeightedTable<T> {
  let table = tables.get(entries) as WeightedTable<T> | undefined;
  if (!table) tables.set(entries, (table = WeightedTable.of(entries)));
  return table;
}

/** Unique per seed: the permutation gives each employer index its own six characters. */
function creditCode(ctx: GeneratorContext, index: number, ownership: Ownership, regionCode6: string): string {
  let n = ctx.orgCodes.apply(index);
  let tail = '';
  for (let k = 0; k < 6; k++) {
    tail = CREDIT_CODE_ALPHABET[n % 31] + tail;
    n = Math.floor(n / 31);
  }
  const { prefix, marker } = CODE_PARTS[ownership];
  return makeCreditCode(prefix + regionCode6 + makeOrganizationCode(marker + tail));
}

export function employerDraft(ctx: GeneratorContext, index: number): EmployerDraft {
  const rng = Rng.for(ctx.seed, 'employer', index);
  const { catalog } = ctx;
  const sector = catalog.sectors.pick(rng);
  let ownership = weighted(sector.ownership).pick(rng);
  const shops = sector.industries.filter(([code]) => SHOP_WORDS[code]);
  if (ownership === 'individual_business' && shops.length === 0) ownership = 'private';
  const [industryCode, tradeWords] = rng.pick(ownership === 'individual_business' ? shops : sector.industries);
  const sizeClass: SizeClass =
    ownership === 'individual_business' ? (rng.chance(0.9) ? 'micro' : 'small') : weighted(ownership === 'soe' ? SOE_SIZES : sector.sizes).pick(rng);

  const park: ParkKey | null = sector.parks.length && ownership !== 'individual_business' && rng.chance(PARK_SHARE) ? rng.pick(sector.parks) : null;
  const place = park ? catalog.places.place(parkInfo(park).placeCode) : catalog.places.forEmployers.pick(rng);
  const township = rng.pick(place.townships);
  const { lat, lng } = jitter(rng, park ? parkInfo(park).center : place.center, park ? 2 : 8);
  const area = park && parkInfo(park).name !== place.fullName ? parkInfo(park).name : township === place.fullName ? '' : township;
  const registeredIn = ownership === 'soe' && rng.chance(0.5) ? '460000' : place.idRegionCode;
  const contactGender = rng.chance(0.6) ? 'female' : 'male';

  const employer: Employer = {
    key: `employer-${String(index + 1).padStart(5, '0')}`,
    name: employerName(rng, { industryCode, tradeWord: rng.pick(tradeWords), ownership, sizeClass, place, township }),
    creditCode: creditCode(ctx, index, ownership, registeredIn),
    industryCode,
    sizeClass,
    ownership,
    regionCode: place.countyCode,
    address: `海南省${place.fullName}${area}${rng.pick(ROADS)}${rng.int(1, 500)}号${rng.pick(BUILDINGS)}`,
    lat,
    lng,
    park,
    contactName: personName(rng, contactGender),
    contactPhone: mobileNumber(rng, ctx.phoneSuffixes.apply(EMPLOYER_PHONE_OFFSET + index)),
  };
  return { employer, sector, place };
}

export function generateEmployer(ctx: GeneratorContext, index: number): Employer {
  return employerDraft(ctx, index).employer;
}
