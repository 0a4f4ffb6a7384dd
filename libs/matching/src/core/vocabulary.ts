/** Interns strings (skill names, certificate codes, occupation codes, regions, work types) to small dense ints. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  /** -1 when unknown (nothing interned so far can equal it). */
  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }
}

import { regionRelation } from './primitives';

/** One vocabulary shared by the compiled seekers and shortages that are scored against each other. */
export class MatchVocabulary {
  /** Skill keys (`skillKey`: canonical ids, or names no canonical skill fits): what the kernel compares. */
  readonly skills = new Interner();
  /** A shortage's skill names as written: what its reasons show. */
  readonly skillNames = new Interner();
  readonly certificates = new Interner();
  /** Occupation codes of every level share one id space (levels never collide as strings). */
  readonly occupations = new Interner();
  readonly regions = new Interner();
  readonly workTypes = new Interner();
  /** Education levels (shown in explanations, not scored). */
  readonly educations = new Interner();

  private relations = new Int8Array(0);
  private relationSize = 0;
  private related: number[][] = [];

  /** `regionRelation` of two region ids (REGION_OTHER, REGION_SAME_CITY, REGION_SAME_COUNTY), from a table rebuilt when regions were added. */
  regionRelation(a: number, b: number): number {
    if (this.relationSize !== this.regions.size) this.buildRelations();
    return this.relations[a * this.relationSize + b];
  }

  /** Region ids within reach by region of region id `a` (same county or same city), itself included unless it is the province. */
  relatedRegions(a: number): readonly number[] {
    if (this.relationSize !== this.regions.size) this.buildRelations();
    return this.related[a] ?? [];
  }

  private buildRelations(): void {
    const values = this.regions.values;
    const n = values.length;
    this.relations = new Int8Array(n * n);
    this.related = [];
    for (let a = 0; a < n; a++) {
      const list: number[] = [];
      for (let b = 0; b < n; b++) {
        const relation = regionRelation(values[a], values[b]);
        this.relations[a * n + b] = relation;
        if (relation > 0) list.push(b);
      }
      this.related.push(list);
    }
    this.relationSize = n;
  }

  /** A bit per work type: at most 30 kinds. */
  workTypeBit(workType: string): number {
    const id = this.workTypes.id(workType);
    if (id >= 30) throw new Error('MatchVocabulary supports at most 30 work types');
    return 1 << id;
  }
}
