#!/usr/bin/env node
// Writes src/web/scenes/Map/small-states.json: the centroid [lon, lat] of every world-atlas feature present in
// countries-10m.json but absent from countries-110m.json (mostly small island and city states), keyed by ISO
// 3166 numeric id. The map draws these as circle markers so that it never has to load the 10m file.
// Run: node scripts/make-small-states.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const load = (file) => JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8'));
const features = (topo) => feature(topo, topo.objects.countries).features;

const coarse = new Set(features(load('countries-110m.json')).map((f) => String(f.id)));
const out = {};
for (const f of features(load('countries-10m.json'))) {
  if (f.id === undefined) continue;
  const id = String(f.id);
  // countries-10m.json has id 036 twice (Australia and Ashmore and Cartier Islands); keep the first.
  if (coarse.has(id) || id in out) continue;
  const [lon, lat] = geoCentroid(f);
  out[id] = [Math.round(lon * 100) / 100, Math.round(lat * 100) / 100];
}
const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
const target = fileURLToPath(new URL('../src/web/scenes/Map/small-states.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`wrote ${Object.keys(sorted).length} centroids to ${target}`);
