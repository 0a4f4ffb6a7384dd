import { Taxonomy } from '@app/taxonomy';
import { Sector, SECTORS } from './catalog/sectors';
import { OccupationCatalog } from './occupations';
import { Places } from './places';
import { WeightedTable } from './prng';

/** Everything the generators look up that does not depend on the seed: built once per process. */
export class Catalog {
  private static instance?: Catalog;

  readonly places: Places;
  readonly occupations: OccupationCatalog;
  readonly sectors: WeightedTable<Sector>;
  private readonly hiresBySector = new Map<string, WeightedTable<string>>();

  static shared(): Catalog {
    return (Catalog.instance ??= new Catalog(Taxonomy.shared()));
  }

  constructor(readonly taxonomy: Taxonomy) {
    this.places = new Places(taxonomy);
    this.occupations = new OccupationCatalog(taxonomy);
    this.sectors = new WeightedTable(SECTORS, SECTORS.map((s) => s.weight));
    for (const sector of SECTORS) {
      for (const [code] of sector.industries) {
        if (taxonomy.requireIndustry(code).level !== 'class') throw new Error(`Sector ${sector.key}: ${code} is not an industry class`);
      }
      for (const [code] of sector.hires) this.occupations.profile(code);
      this.hiresBySector.set(sector.key, WeightedTable.of(sector.hires));
    }
  }

  hires(sector: Sector): WeightedTable<string> {
    const table = this.hiresBySector.get(sector.key);
    if (!table) throw new Error(`Unknown sector ${sector.key}`);
    return table;
  }
}
