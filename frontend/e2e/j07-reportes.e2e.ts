import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORTS, apiSession, closeBrowser, expectNoHorizontalOverflow, login, logout, openSession, reached, uniqueDni } from './support';
import { utcDate } from '../src/shared/format';

afterAll(closeBrowser);

const PROMOTOR = 'Notaria Gonzales & Asociados';

interface ReporteApi { kpis: { solicitudes: number; ingresos_por_moneda: { PEN: number } } }

/** The report the page opens with: closed requests of the last 30 days. */
const DEFAULT_REPORT = () => `/admin/reportes?desde=${utcDate(new Date(), -30)}&hasta=${utcDate()}&estado=CERRADO&agrupacion=mensual`;

/**
 * A request from the promoter, registered by the operador (the operadores ranking counts only users
 * holding OPERADOR) and taken by the admin to CERRADO with a 200 PEN payment, all through the API;
 * the workflow-worker updates the report asynchronously, so this waits until the report counts it.
 */
async function closedRequestInReport(): Promise<void> {
  const admin = await apiSession('admin');
  const operador = await apiSession('operador');
  const before = (await admin.get(DEFAULT_REPORT()) as ReporteApi).kpis.solicitudes;
  const promotores = await admin.get('/promotores') as { promotor_id: number; nombre: string }[];
  const promotor = promotores.find((p) => p.nombre === PROMOTOR);
  expect(promotor, `seed promoter ${PROMOTOR}`).toBeDefined();
  const [gestor] = await admin.get('/empleados?rol=GESTOR') as { persona_id: number }[];
  const [medico] = await admin.get('/empleados?rol=MEDICO') as { persona_id: number }[];
  const { solicitud_id: id } = await operador.post('/solicitudes', {
    cliente: { tipo_documento: 'DNI', numero_documento: uniqueDni(), nombres: 'Reporte', apellidos: 'Cliente E2E' },
    promotor_id: promotor!.promotor_id,
  }) as { solicitud_id: number };
  await admin.post(`/solicitudes/${id}/asignar-gestor`, { persona_id_gestor: gestor.persona_id });
  await admin.post(`/solicitudes/${id}/registrar-pago`,
    { canal_pago: 'YAPE', fecha_pago: utcDate(), monto: 200, moneda: 'PEN', referencia_transaccion: 'OP-E2E-J7' });
  await admin.post(`/solicitudes/${id}/asignar-medico`, { persona_id_medico: medico.persona_id });
  await admin.patch(`/solicitudes/${id}`, { tipo_atencion: 'VIRTUAL', estado_certificado: 'APROBADO' });
  await admin.post(`/solicitudes/${id}/cerrar`, {});

  const deadline = Date.now() + 20_000;
  for (;;) {
    const report = await admin.get(DEFAULT_REPORT()) as ReporteApi;
    if (report.kpis.solicitudes > before && report.kpis.ingresos_por_moneda.PEN >= 200) return;
    if (Date.now() > deadline) throw new Error(`the report did not count the closed request within 20 s (${before} → ${report.kpis.solicitudes})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

beforeAll(closedRequestInReport, 60_000);

/** Waits for the page's next report answer whose query matches, triggered by `action`. */
async function refetch(page: Page, query: RegExp, action: () => Promise<unknown>): Promise<void> {
  const answer = page.waitForResponse((r) => r.url().includes('/admin/reportes') && query.test(r.url()) && r.status() === 200);
  await action();
  await answer;
}

const kpi = (page: Page, title: string) => page.getByRole('group', { name: title, exact: true });
const region = (page: Page, title: string) => page.getByRole('region', { name: title });

/** The category labels of a time chart's X axis (its Y axis labels are plain numbers). */
async function periodLabels(page: Page, chart: string): Promise<string[]> {
  const ticks = await region(page, chart).locator('.recharts-cartesian-axis-tick-value').allTextContents();
  return ticks.map((t) => t.trim()).filter((t) => /^\d{4}-/.test(t));
}

function moneyValue(line: string): number {
  return Number(line.replace(/^(S\/|USD)\s*/, '').replace(/,/g, ''));
}

describe.each(VIEWPORTS)('J7 reports ($name)', (viewport) => {
  it('admin reads KPIs, charts and rankings, exports the CSV, sees an empty range; operador is refused', async () => {
    const s = await openSession(viewport);
    const { page } = s;
    const desde = utcDate(new Date(), -30);
    const hasta = utcDate();

    // 1. defaults and KPI cards
    await login(page, 'admin');
    await page.getByRole('link', { name: 'Reportes' }).click();
    await page.waitForURL((url) => url.pathname === '/app/reportes-admin');
    await kpi(page, 'Solicitudes').waitFor();
    expect(await page.getByLabel('Desde', { exact: true }).inputValue()).toBe(desde);
    expect(await page.getByLabel('Hasta', { exact: true }).inputValue()).toBe(hasta);
    expect(await page.getByLabel('Estado', { exact: true }).inputValue()).toBe('CERRADO');
    expect(await page.getByLabel('Agrupacion', { exact: true }).inputValue()).toBe('mensual');
    for (const title of ['Solicitudes', 'Cerradas', 'Ingresos', 'Ticket promedio']) await kpi(page, title).waitFor();
    expect(Number(await kpi(page, 'Solicitudes').locator('.kpi-value').textContent())).toBeGreaterThanOrEqual(1);
    const ingresos = await kpi(page, 'Ingresos').locator('.kpi-value > div').allTextContents();
    expect(ingresos).toHaveLength(2);
    expect(ingresos[0]).toMatch(/^S\/ [\d,]+\.\d\d$/);
    expect(moneyValue(ingresos[0])).toBeGreaterThanOrEqual(200);
    expect(ingresos[1]).toMatch(/^USD [\d,]+\.\d\d$/);
    expect(await page.getByText(/^Actualizado: /).textContent()).not.toBe('Actualizado: —');
    await expectNoHorizontalOverflow(page);
    await reached(s, 'j7-reportes-default');

    // 2. bars in the three charts; weekly grouping relabels the X axis
    for (const title of ['Solicitudes en el tiempo', 'Ingresos en el tiempo', 'Distribucion por estado']) {
      expect(await region(page, title).locator('svg .recharts-bar-rectangle').count(), title).toBeGreaterThan(0);
    }
    expect(await periodLabels(page, 'Solicitudes en el tiempo')).toContain(hasta.slice(0, 7));
    const ingresosChart = region(page, 'Ingresos en el tiempo');
    await ingresosChart.locator('.recharts-bar-rectangle').last().hover();
    expect(await ingresosChart.locator('.recharts-tooltip-wrapper').textContent()).toMatch(/S\/ [\d,]+\.\d\d/);
    await refetch(page, /agrupacion=semanal/, () => page.getByLabel('Agrupacion', { exact: true }).selectOption('semanal'));
    await region(page, 'Solicitudes en el tiempo').locator('.recharts-bar-rectangle').first().waitFor();
    const weeks = await periodLabels(page, 'Solicitudes en el tiempo');
    expect(weeks.length).toBeGreaterThan(0);
    for (const label of weeks) expect(label).toMatch(/^\d{4}-W\d{2}$/);
    await reached(s, 'j7-reportes-semanal');

    // 3. all states: the promoter ranking lists the seed company
    await refetch(page, /^(?!.*estado=)/, () => page.getByLabel('Estado', { exact: true }).selectOption(''));
    await region(page, 'Ranking Promotores').getByRole('cell', { name: PROMOTOR, exact: true }).waitFor();

    // 4. team ranking tabs
    const equipo = region(page, 'Ranking Equipo');
    expect(await equipo.getByRole('button', { name: 'Gestores' }).getAttribute('aria-pressed')).toBe('true');
    await equipo.getByRole('cell', { name: 'Carlos Gestor', exact: true }).waitFor();
    await equipo.getByRole('button', { name: 'Medicos' }).click();
    expect(await equipo.getByRole('button', { name: 'Medicos' }).getAttribute('aria-pressed')).toBe('true');
    expect(await equipo.getByRole('button', { name: 'Gestores' }).getAttribute('aria-pressed')).toBe('false');
    await equipo.getByRole('cell', { name: 'Maria Medico', exact: true }).waitFor();
    expect(await equipo.getByRole('cell', { name: 'Carlos Gestor', exact: true }).count()).toBe(0);
    await equipo.getByRole('button', { name: 'Operadores' }).click();
    await equipo.getByRole('cell', { name: 'Ana Operadora', exact: true }).waitFor();
    await reached(s, 'j7-reportes-todos');

    // 5. CSV export, then Reset restores the defaults
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`reporte_cmep_${desde}_${hasta}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('== KPIs ==')).toBe(true);
    expect(csv).toContain(`"${PROMOTOR}"`);
    // the defaults' report may still be fresh in the query cache: no new request is awaited
    await page.getByRole('button', { name: 'Reset' }).click();
    expect(await page.getByLabel('Estado', { exact: true }).inputValue()).toBe('CERRADO');
    expect(await page.getByLabel('Agrupacion', { exact: true }).inputValue()).toBe('mensual');
    expect(await page.getByLabel('Desde', { exact: true }).inputValue()).toBe(desde);
    expect(await page.getByLabel('Hasta', { exact: true }).inputValue()).toBe(hasta);
    await kpi(page, 'Solicitudes').waitFor();

    // 6. a past range with no data
    await refetch(page, /desde=2000-01-01/, () => page.getByLabel('Desde', { exact: true }).fill('2000-01-01'));
    await refetch(page, /hasta=2000-01-31/, () => page.getByLabel('Hasta', { exact: true }).fill('2000-01-31'));
    await page.getByText('No hay datos para el rango/estado seleccionado.').waitFor();
    expect(await kpi(page, 'Solicitudes').locator('.kpi-value').textContent()).toBe('0');
    expect(await kpi(page, 'Cerradas').locator('.kpi-value').textContent()).toBe('0');
    expect(await kpi(page, 'Ingresos').locator('.kpi-value > div').allTextContents()).toEqual(['S/ 0.00', 'USD 0.00']);
    expect(await kpi(page, 'Ticket promedio').locator('.kpi-value').textContent()).toBe('S/ 0.00');
    expect(await page.getByText('Sin datos', { exact: true }).count()).toBe(3);
    expect(await page.locator('.recharts-bar-rectangle').count()).toBe(0);
    await expectNoHorizontalOverflow(page);
    await reached(s, 'j7-reportes-vacio');

    // 7. a non-admin gets the guard
    await logout(page);
    await login(page, 'operador');
    await page.goto('/app/reportes-admin');
    await page.getByRole('heading', { name: 'No autorizado' }).waitFor();
    await page.getByText('Solo los administradores pueden acceder a esta pagina.').waitFor();
    expect(await page.getByRole('button', { name: 'Exportar CSV' }).count()).toBe(0);
    await reached(s, 'j7-reportes-no-autorizado');
    await s.close();
  });
});
