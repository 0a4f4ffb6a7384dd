import { Allocation, AllocationOptions, buildAllocationProblem, ShortageCandidates } from '../core/allocation';

/**
 * Maximum total score over all allocations that respect both capacities (a b-matching), by successive shortest
 * paths on a min-cost flow (costs = −score), stopping when no augmenting path gains. For small instances in tests:
 * O(flow × V × E).
 */
export function exactOptimum(lists: readonly ShortageCandidates[], options: AllocationOptions = {}): { total: number; allocation: Allocation } {
  const indexed = buildAllocationProblem(lists, options);
  const { problem, shortageIds, seekerIds } = indexed;
  const S = problem.shortageCount;
  const N = problem.seekerCount;
  const source = S + N;
  const sink = source + 1;
  const nodes = sink + 1;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const adjacency: number[][] = Array.from({ length: nodes }, () => []);
  const addArc = (u: number, v: number, c: number, w: number) => {
    adjacency[u].push(to.length);
    to.push(v);
    cap.push(c);
    cost.push(w);
    adjacency[v].push(to.length);
    to.push(u);
    cap.push(0);
    cost.push(-w);
  };
  for (let i = 0; i < N; i++) addArc(source, S + i, problem.seekerCapacity, 0);
  const edgeArc = new Int32Array(problem.edgeSeeker.length);
  for (let j = 0; j < S; j++) {
    for (let e = problem.edgeStart[j]; e < problem.edgeStart[j + 1]; e++) {
      edgeArc[e] = to.length;
      addArc(S + problem.edgeSeeker[e], j, 1, -problem.edgeScore[e]);
    }
    addArc(j, sink, problem.capacity[j], 0);
  }
  let total = 0;
  for (;;) {
    // Bellman-Ford (queue-based): costs can be negative.
    const dist = new Float64Array(nodes).fill(Infinity);
    const via = new Int32Array(nodes).fill(-1);
    const inQueue = new Uint8Array(nodes);
    dist[source] = 0;
    const queue = [source];
    inQueue[source] = 1;
    while (queue.length) {
      const u = queue.shift() as number;
      inQueue[u] = 0;
      for (const a of adjacency[u]) {
        if (cap[a] > 0 && dist[u] + cost[a] < dist[to[a]] - 1e-12) {
          dist[to[a]] = dist[u] + cost[a];
          via[to[a]] = a;
          if (!inQueue[to[a]]) {
            inQueue[to[a]] = 1;
            queue.push(to[a]);
          }
        }
      }
    }
    // Each augmentation carries one unit (seeker→shortage arcs have capacity 1); stop once it would not gain.
    if (dist[sink] === Infinity || dist[sink] >= -1e-12) break;
    for (let v = sink; v !== source; v = to[via[v] ^ 1]) {
      cap[via[v]] -= 1;
      cap[via[v] ^ 1] += 1;
    }
    total -= dist[sink];
  }
  const allocation: Allocation = new Map(shortageIds.map((id) => [id, [] as string[]]));
  for (let j = 0; j < S; j++) {
    const chosen: { id: string; score: number }[] = [];
    for (let e = problem.edgeStart[j]; e < problem.edgeStart[j + 1]; e++) {
      if (cap[edgeArc[e]] === 0) chosen.push({ id: seekerIds[problem.edgeSeeker[e]], score: problem.edgeScore[e] });
    }
    chosen.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    allocation.set(
      shortageIds[j],
      chosen.map((c) => c.id),
    );
  }
  return { total, allocation };
}
