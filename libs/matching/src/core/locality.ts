/** Memory order of seekers and processing order of shortages: locality for the kernel, no effect on scores. */
import { CompiledSeekers, CompiledShortages, seekerLists } from './compiled-layout';

/**
 * The same seekers reordered so that those of one occupation minor group (their first occupation) and one
 * 0.1° cell are adjacent in memory: a shortage's candidates then come from a few runs of rows instead of
 * all over a province-size array, which at a million seekers is worth several times the kernel's speed.
 * `order[newIndex]` is the index the seeker had before.
 */
export function clusterSeekers(seekers: CompiledSeekers): { seekers: CompiledSeekers; order: Int32Array } {
  const { count, data, offset, lat, lng } = seekers;
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const l = seekerLists(seekers, i);
    const minor = l.occupationCount > 0 ? data[l.occupations + 1] : -1;
    const cell = lat[i] === lat[i] ? Math.floor((lat[i] + 90) * 10) * 4000 + Math.floor((lng[i] + 180) * 10) : 4000 * 4000;
    keys[i] = (minor + 2) * 2 ** 24 + cell;
  }
  const order = Int32Array.from({ length: count }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  const newData = new Float64Array(data.length);
  const newOffset = new Int32Array(count + 1);
  const ids: string[] = new Array(count);
  const newLat = new Float64Array(count);
  const newLng = new Float64Array(count);

  let at = 0;
  for (let n = 0; n < count; n++) {
    const i = order[n];
    newOffset[n] = at;
    newData.set(data.subarray(offset[i], offset[i + 1]), at);
    at += offset[i + 1] - offset[i];
    ids[n] = seekers.ids[i];
    newLat[n] = lat[i];
    newLng[n] = lng[i];
  }
  newOffset[count] = at;
  return { seekers: { count, vocabulary: seekers.vocabulary, ids, data: newData, offset: newOffset, lat: newLat, lng: newLng }, order };
}

/**
 * A processing order for shortages that keeps the seekers they read warm in cache: by occupation minor group,
 * then 0.1° cell (the order `clusterSeekers` lays seekers out in). Scores do not depend on it.
 */
export function localityOrder(shortages: CompiledShortages): Int32Array {
  const keys = new Float64Array(shortages.count);
  for (let j = 0; j < shortages.count; j++) {
    const lat = shortages.lat[j];
    const lng = shortages.lng[j];
    const cell = lat === lat ? Math.floor((lat + 90) * 10) * 4000 + Math.floor((lng + 180) * 10) : 4000 * 4000;
    keys[j] = (shortages.occupationMinor[j] + 2) * 2 ** 24 + cell;
  }
  return Int32Array.from({ length: shortages.count }, (_, j) => j).sort((a, b) => keys[a] - keys[b] || a - b);
}

