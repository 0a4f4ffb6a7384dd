import { Injectable } from '@nestjs/common';
import { Taxonomy } from '@app/taxonomy';
import { MEMBER_UNITS, ReporterRef } from './core';

/** The reporting units: the 19 cities and counties and 洋浦 (from the region code list), then the member units. */
@Injectable()
export class PlanReporters {
  private readonly list: readonly ReporterRef[];
  private readonly byCode: Map<string, ReporterRef>;

  constructor(private readonly taxonomy: Taxonomy) {
    const regions = taxonomy.counties().map((r): ReporterRef => ({ code: r.code, nameZh: r.name, nameEn: r.pinyin ?? r.name, kind: r.kind === 'zone' ? 'zone' : r.kind === 'county' ? 'county' : 'city' }));
    this.list = [...regions, ...MEMBER_UNITS.map((u): ReporterRef => ({ ...u, kind: 'unit' }))];
    this.byCode = new Map(this.list.map((r) => [r.code, r]));
  }

  all(): readonly ReporterRef[] {
    return this.list;
  }

  get(code: string): ReporterRef | undefined {
    return this.byCode.get(code);
  }

  /** The reporting region a record's region belongs to (a district gives its city); undefined for the province. */
  reporterOfRegion(regionCode: string): string | undefined {
    return this.taxonomy.countyOf(regionCode)?.code;
  }

  /** Region code prefixes and exclusions that select a reporter's records (a city covers its districts; 儋州 leaves out 洋浦). */
  regionFilter(reporter: string): { prefixes: string[]; exclude: string[] } {
    const ref = this.byCode.get(reporter);
    if (!ref || ref.kind === 'unit') return { prefixes: [], exclude: [] };
    if (reporter.length > 6) return { prefixes: [reporter], exclude: [] };
    const prefix = reporter.endsWith('00') ? reporter.slice(0, 4) : reporter;
    const zones = this.list.filter((r) => r.kind === 'zone' && r.code.startsWith(prefix)).map((r) => r.code);
    return { prefixes: [prefix], exclude: zones };
  }
}
