// Prints the JavaScript a first visit downloads (the entry chunk and its static imports, gzipped) against the
// budget of 250 KB, and each lazily loaded chunk; fails the build when the initial load is over budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

const BUDGET_KB = 250;
const dist = path.resolve('dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
const gzKb = (file) => gzipSync(readFileSync(path.join(dist, file))).length / 1024;

const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  (chunk.imports ?? []).forEach(visit);
};
Object.keys(manifest).filter((k) => manifest[k].isEntry).forEach(visit);

const lazy = Object.values(manifest)
  .map((c) => c.file)
  .filter((f) => f.endsWith('.js') && !initial.has(f));
const initialKb = [...initial].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzKb(f), 0);

console.log(`Initial JavaScript: ${initialKb.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
for (const file of lazy) console.log(`  loaded on demand: ${file} ${gzKb(file).toFixed(1)} KB gzipped`);
if (initialKb > BUDGET_KB) {
  console.error(`Initial JavaScript is over its budget of ${BUDGET_KB} KB`);
  process.exit(1);
}
