// Converts the Hainan map of Apache ECharts 4 into the plain GeoJSON the administrators' dashboard draws.
// Usage: node apps/web/scripts/hainan-geojson.mjs <echarts@4.9.0>/map/json/province/hainan.json
//
// Source: the npm package echarts@4.9.0, file map/json/province/hainan.json (Apache License 2.0, © The Apache Software
// Foundation). The file uses ECharts' compressed format (`UTF8Encoding: true`): every ring is a string of zigzag-encoded
// deltas from the ring's `encodeOffsets`, quantised by 1/1024 degree. This script decodes it as ECharts 4 does
// (lib/coord/geo/parseGeoJson.js), rounds coordinates to 4 decimals, drops repeated points, adds `properties.code`
// (the 6-digit region code, looked up by name in libs/taxonomy/data/hainan/hainan-divisions.json) and writes
// apps/web/src/roles/admin/hainan.geo.json. The geometry is the source's, unchanged otherwise; nothing is added.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';

const source = process.argv[2];
if (!source) {
  console.error('usage: node apps/web/scripts/hainan-geojson.mjs <path to echarts 4 map/json/province/hainan.json>');
  process.exit(2);
}
const divisionsPath = fileURLToPath(new URL('../../../libs/taxonomy/data/hainan/hainan-divisions.json', import.meta.url));
const outputPath = fileURLToPath(new URL('../src/roles/admin/hainan.geo.json', import.meta.url));

const input = JSON.parse(readFileSync(source, 'utf8'));
const codeByName = new Map(
  JSON.parse(readFileSync(divisionsPath, 'utf8'))
    .units.filter((unit) => /^46\d{4}$/.test(unit.code) && unit.code !== '460000')
    .map((unit) => [unit.name, unit.code]),
);

const scale = input.UTF8Scale ?? 1024;
const round = (value) => Math.round(value * 1e4) / 1e4;

/** One ring: characters in pairs, each minus 64, zigzag-decoded, added to the previous point, divided by the scale. */
function decodeRing(encoded, [offsetX, offsetY]) {
  const ring = [];
  let x = offsetX;
  let y = offsetY;
  for (let i = 0; i < encoded.length; i += 2) {
    let dx = encoded.charCodeAt(i) - 64;
    let dy = encoded.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    const point = [round(x / scale), round(y / scale)];
    const last = ring.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) ring.push(point);
  }
  // GeoJSON rings are closed.
  if (ring.length && (ring[0][0] !== ring.at(-1)[0] || ring[0][1] !== ring.at(-1)[1])) ring.push([...ring[0]]);
  return ring;
}

function decodeGeometry(geometry) {
  if (!input.UTF8Encoding) return geometry;
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: geometry.coordinates.map((ring, r) => decodeRing(ring, geometry.encodeOffsets[r])) };
  }
  if (geometry.type === 'MultiPolygon') {
    return {
      type: 'MultiPolygon',
      coordinates: geometry.coordinates.map((polygon, p) => polygon.map((ring, r) => decodeRing(ring, geometry.encodeOffsets[p][r]))),
    };
  }
  throw new Error(`unexpected geometry type ${geometry.type}`);
}

const features = input.features.map((feature) => {
  const name = feature.properties.name;
  const code = codeByName.get(name);
  if (!code) throw new Error(`no region code for "${name}"`);
  if (feature.id && feature.id !== code) throw new Error(`"${name}": the source says ${feature.id}, the divisions ${code}`);
  return { type: 'Feature', properties: { name, code }, geometry: decodeGeometry(feature.geometry) };
});

const output = {
  type: 'FeatureCollection',
  // Keep the provenance with the data (GeoJSON allows foreign members).
  source: 'Apache ECharts 4.9.0 (npm echarts@4.9.0) map/json/province/hainan.json, Apache License 2.0; decoded by apps/web/scripts/hainan-geojson.mjs',
  features,
};
// One feature per line: small diffs, still compact.
const text = `{"type":"FeatureCollection","source":${JSON.stringify(output.source)},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
writeFileSync(outputPath, text);
console.log(`${features.length} features, ${(text.length / 1024).toFixed(0)} KiB → ${outputPath}`);
