import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { BASE_URL, OUTPUT_DIR, resetOutputLists } from './support';

export async function setup(): Promise<void> {
  const health = await fetch(`${BASE_URL}/health`).catch(() => null);
  if (!health?.ok) throw new Error(`No CMEP system answers at ${BASE_URL} (start one with ./cmep up, or run ./cmep e2e)`);
  resetOutputLists();
}

export async function teardown(): Promise<void> {
  const list = path.join(OUTPUT_DIR, 'screenshots.txt');
  if (existsSync(list)) {
    const shots = readFileSync(list, 'utf8').trim().split('\n').filter(Boolean);
    console.log(`\nScreenshots (${shots.length}) under ${OUTPUT_DIR}:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  }
  const figures = path.join(OUTPUT_DIR, 'figures.txt');
  if (existsSync(figures)) console.log(`\nFigures:\n${readFileSync(figures, 'utf8')}`);
}
