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

/** One vocabulary shared by the compiled seekers and shortages that are scored against each other. */
export class MatchVocabulary {
  readonly skills = new Interner();
  readonly certificates = new Interner();
  /** Occupation codes of every level share one id space (levels never collide as strings). */
  readonly occupations = new Interner();
  readonly regions = new Interner();
  readonly workTypes = new Interner();
  /** Education levels (shown in explanations, not scored). */
  readonly educations = new Interner();

  /** A bit per work type: at most 30 kinds. */
  workTypeBit(workType: string): number {
    const id = this.workTypes.id(workType);
    if (id >= 30) throw new Error('MatchVocabulary supports at most 30 work types');
    return 1 << id;
  }
}
