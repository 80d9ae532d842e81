import { mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { expect } from 'vitest';

/** The system under test: `./cmep e2e` starts it as `./cmep up` does and passes its URL. */
export const BASE_URL = (process.env.CMEP_E2E_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const OUTPUT_DIR = path.resolve(process.env.CMEP_E2E_OUTPUT ?? 'e2e-output');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Viewport { name: 'desktop' | 'phone'; width: number; height: number }
export const VIEWPORTS: Viewport[] = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 740 },
];

export const SEED = {
  admin: { email: 'admin@cmep.local', password: 'admin123', nombre: 'Admin Sistema' },
  operador: { email: 'operador@cmep.local', password: 'operador123', nombre: 'Ana Operadora' },
  gestor: { email: 'gestor@cmep.local', password: 'gestor123', nombre: 'Carlos Gestor' },
  medico: { email: 'medico@cmep.local', password: 'medico123', nombre: 'Maria Medico' },
  suspendido: { email: 'suspendido@cmep.local', password: 'suspendido123', nombre: '' },
} as const;
export type SeedUser = keyof typeof SEED;

let browser: Browser | undefined;

export async function launch(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/** A page plus what went wrong on it: console errors and API answers ≥ 500. */
export interface Session {
  page: Page;
  context: BrowserContext;
  viewport: Viewport;
  problems: string[];
  /** Ends the session and fails the test when the page logged an error or the API answered ≥ 500. */
  close: () => Promise<void>;
}

// The browser's own lines about failed requests: 4xx answers are part of the journeys.
const NETWORK_NOISE = /Failed to load resource|net::ERR_|status of 4\d\d/;

export async function openSession(viewport: Viewport): Promise<Session> {
  const context = await (await launch()).newContext({
    baseURL: BASE_URL,
    viewport: { width: viewport.width, height: viewport.height },
    acceptDownloads: true,
    locale: 'es-PE',
    timezoneId: 'America/Lima',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !NETWORK_NOISE.test(message.text())) {
      problems.push(`console error on ${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));
  page.on('response', (response: Response) => {
    if (response.status() >= 500) problems.push(`${response.status()} from ${response.request().method()} ${response.url()}`);
  });
  return {
    page, context, viewport, problems,
    close: async () => {
      await context.close();
      expect(problems, problems.join('\n')).toEqual([]);
    },
  };
}

/** Logs in through the login form and waits for Inicio. */
export async function login(page: Page, who: SeedUser | { email: string; password: string }): Promise<void> {
  const { email, password } = typeof who === 'string' ? SEED[who] : who;
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Contrasena').fill(password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.waitForURL((url) => url.pathname === '/app');
  await page.getByText(/^Bienvenido, /).waitFor();
}

/** Logs out with the header's `Salir`. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Salir' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
}

/** Waits until the solicitudes table shows the answer to the current URL, not rows kept while it reloads. */
export async function listSettled(page: Page): Promise<void> {
  await page.locator('.table-wrap[aria-busy="false"]:not(.stale)').waitFor();
}

const SHOTS_LIST = () => path.join(OUTPUT_DIR, 'screenshots.txt');

/** Saves a full-page screenshot under the e2e output folder (git-ignored) and lists it. */
export async function snap(session: Session, name: string): Promise<string> {
  const dir = path.join(OUTPUT_DIR, session.viewport.name);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await session.page.screenshot({ path: file, fullPage: true });
  appendFileSync(SHOTS_LIST(), `${path.relative(process.cwd(), file)}\n`);
  return file;
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** Runs axe-core in the page; fails on any violation of impact serious or critical. */
export async function checkA11y(session: Session, label: string): Promise<void> {
  const { page } = session;
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${label} [${session.viewport.name}]: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Nothing but the scroll containers may be wider than the viewport (ui.md §12). */
export async function expectNoHorizontalOverflow(page: Page, label = page.url()): Promise<void> {
  const { scroll, client } = await page.evaluate(() =>
    ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `${label} is wider than the viewport`).toBeLessThanOrEqual(client);
}

/** Screenshot, accessibility check and no horizontal overflow: what every page reached gets. */
export async function reached(session: Session, name: string): Promise<void> {
  await snap(session, name);
  await checkA11y(session, name);
  await expectNoHorizontalOverflow(session.page, `${name} [${session.viewport.name}]`);
}

/** Accepts the next native confirm dialog and hands back its text. */
export function acceptConfirm(page: Page): Promise<string> {
  return new Promise((resolve) => {
    page.once('dialog', async (dialog) => {
      const text = dialog.message();
      await dialog.accept();
      resolve(text);
    });
  });
}

let counter = 0;
/** A value unique to this run, for document numbers and e-mails. */
export function unique(): string {
  counter += 1;
  return `${Date.now() % 100_000_000}${counter}`.slice(-10);
}

/** A document number of 8 digits no other run of the journeys used. */
export function uniqueDni(): string {
  return unique().padStart(8, '7').slice(-8);
}

/** Records a figure for the run's summary (e.g. the detail page's time to interactive). */
export function recordFigure(line: string): void {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  appendFileSync(path.join(OUTPUT_DIR, 'figures.txt'), `${line}\n`);
  console.log(line);
}

export function resetOutputLists(): void {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  writeFileSync(SHOTS_LIST(), '');
  writeFileSync(path.join(OUTPUT_DIR, 'figures.txt'), '');
}

/** The API straight (for a journey's setup data, not for what the journey proves). */
export interface ApiSession {
  get: (p: string) => Promise<unknown>;
  post: (p: string, body: unknown) => Promise<unknown>;
  patch: (p: string, body: unknown) => Promise<unknown>;
  /** A list's `meta.total` (e.g. `/solicitudes?page_size=1`). */
  total: (p: string) => Promise<number>;
}

export async function apiSession(who: SeedUser): Promise<ApiSession> {
  const { email, password } = SEED[who];
  const response = await fetch(`${BASE_URL}/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  const send = async (method: string, p: string, body?: unknown) => {
    const r = await fetch(`${BASE_URL}${p}`, {
      method, headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await r.json() as { ok: boolean; data?: unknown; meta?: { total: number } };
    if (!r.ok) throw new Error(`${method} ${p} → ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    get: async (p) => (await send('GET', p)).data,
    post: async (p, body) => (await send('POST', p, body)).data,
    patch: async (p, body) => (await send('PATCH', p, body)).data,
    total: async (p) => (await send('GET', p)).meta?.total ?? 0,
  };
}
