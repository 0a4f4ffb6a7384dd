import { useEffect, useState } from 'react';
import { get } from '../api/client';
import type { RegionNode } from '../api/types';
import i18n from './i18n';
import { REGION_NAMES_EN } from './regionsEn';
export type { TaxonomyNode, RegionNode } from '../api/types';

export type TaxonomyKind = 'occupations' | 'industries' | 'certificates';

/** Names of codes already seen, per kind: lists show names, not bare codes. */
const names: Record<TaxonomyKind, Map<string, string>> = { occupations: new Map(), industries: new Map(), certificates: new Map() };
const pending: Record<TaxonomyKind, Set<string>> = { occupations: new Set(), industries: new Set(), certificates: new Set() };
const listeners = new Set<() => void>();

export function rememberNames(kind: TaxonomyKind, nodes: { code: string; name: string }[]): void {
  for (const node of nodes) names[kind].set(node.code, node.name);
}

export function nameOf(kind: TaxonomyKind, code: string | null | undefined): string {
  if (!code) return '—';
  return names[kind].get(code) ?? code;
}

let flushTimer: ReturnType<typeof setTimeout> | undefined;
function requestNames(kind: TaxonomyKind, codes: string[]): void {
  for (const code of codes) if (code && !names[kind].has(code)) pending[kind].add(code);
  if (flushTimer) return;
  flushTimer = setTimeout(async () => {
    flushTimer = undefined;
    await Promise.all(
      (Object.keys(pending) as TaxonomyKind[]).map(async (k) => {
        const batch = [...pending[k]].slice(0, 100);
        pending[k].clear();
        if (!batch.length) return;
        try {
          const { items } = await get(`/api/taxonomy/${k}`, { query: { codes: batch } });
          rememberNames(k, items);
          for (const code of batch) if (!names[k].has(code)) names[k].set(code, code);
        } catch {
          for (const code of batch) names[k].set(code, code);
        }
      }),
    );
    listeners.forEach((listener) => listener());
  }, 30);
}

/** Re-renders when names of these codes arrive; returns a lookup function. */
export function useNames(kind: TaxonomyKind, codes: (string | null | undefined)[]): (code: string | null | undefined) => string {
  const [, setTick] = useState(0);
  const key = codes.filter(Boolean).join(',');
  useEffect(() => {
    const listener = () => setTick((t) => t + 1);
    listeners.add(listener);
    requestNames(kind, key ? key.split(',') : []);
    return () => {
      listeners.delete(listener);
    };
  }, [kind, key]);
  return (code) => nameOf(kind, code);
}

let regionsPromise: Promise<RegionNode[]> | undefined;
const regionNames = new Map<string, string>();

export function loadRegions(): Promise<RegionNode[]> {
  regionsPromise ??= get('/api/taxonomy/regions', {}).then(({ items }) => {
    const walk = (nodes: RegionNode[]) =>
      nodes.forEach((n) => {
        regionNames.set(n.code, n.name);
        if (n.children) walk(n.children);
      });
    walk(items);
    regionNames.set('460000', '海南省');
    return items;
  });
  regionsPromise.catch(() => (regionsPromise = undefined));
  return regionsPromise;
}

const english = () => i18n.language?.startsWith('en') ?? false;

/** A region's name in the console's language (English where regionsEn has it), or the name the data gives. */
export function regionName(code: string | null | undefined, fallback?: string | null): string {
  if (!code) return fallback ?? '—';
  if (english() && REGION_NAMES_EN[code]) return REGION_NAMES_EN[code];
  return regionNames.get(code) ?? fallback ?? code;
}

/** The region tree with names in the console's language (the cascader's options). */
export function localizedRegions(nodes: RegionNode[]): RegionNode[] {
  if (!english()) return nodes;
  return nodes.map((n) => ({ ...n, name: regionName(n.code, n.name), ...(n.children ? { children: localizedRegions(n.children) } : {}) }));
}

export function useRegions(): { regions: RegionNode[]; regionName(code: string | null | undefined): string } {
  const [regions, setRegions] = useState<RegionNode[]>([]);
  useEffect(() => {
    let alive = true;
    loadRegions().then((r) => alive && setRegions(r), () => undefined);
    return () => {
      alive = false;
    };
  }, []);
  return { regions: localizedRegions(regions), regionName: (code) => regionName(code) };
}

/** The path of a region code in the cascader (city, then district). */
export function regionPath(regions: RegionNode[], code: string | null | undefined): string[] | undefined {
  if (!code) return undefined;
  for (const county of regions) {
    if (county.code === code) return [code];
    const child = county.children?.find((c) => c.code === code);
    if (child) return [county.code, child.code];
  }
  return [code];
}
