// Gzipped size of what a browser downloads for each role's first page, from the Vite manifest.
// Usage: node apps/web/scripts/bundle-size.mjs [dist/web]   (after `npm run build:web`)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function bundleSizes(dir = 'dist/web') {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8'));
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
  const closure = (keys, seen = new Set()) => {
    for (const key of keys) {
      if (seen.has(key) || !manifest[key]) continue;
      seen.add(key);
      closure(manifest[key].imports ?? [], seen);
    }
    return seen;
  };
  const gz = (file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  const sizeOf = (keys) => {
    const files = new Set();
    for (const key of keys) {
      files.add(manifest[key].file);
      for (const css of manifest[key].css ?? []) files.add(css);
    }
    return [...files].reduce((sum, file) => sum + gz(file), 0);
  };
  const entryKey = Object.keys(manifest).find((key) => manifest[key] === entry);
  const base = closure([entryKey]);
  const roles = {
    seeker: 'src/roles/seeker/SeekerApp.tsx',
    officer: 'src/roles/officer/OfficerApp.tsx',
    employer: 'src/roles/employer/EmployerApp.tsx',
    admin: 'src/roles/admin/AdminApp.tsx',
    station: 'src/roles/station/StationApp.tsx',
  };
  const result = { login: sizeOf(base) };
  for (const [role, key] of Object.entries(roles)) {
    // The administrator's dashboard loads its charts (ECharts) and the map of Hainan right after the first render: counted too.
    const own = closure(role === 'admin' ? [key, 'src/roles/admin/Chart.tsx', 'src/roles/admin/RegionMap.tsx'] : [key], new Set());
    result[role] = sizeOf(new Set([...base, ...own]));
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = bundleSizes(process.argv[2]);
  for (const [name, bytes] of Object.entries(sizes)) console.log(`${name.padEnd(9)} ${(bytes / 1024).toFixed(1)} KiB gzipped (first page, everything it loads)`);
}
