import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEWPORTS, apiSession, listSettled, closeBrowser, login, openSession, reached, unique, uniqueDni } from './support';

afterAll(closeBrowser);

/** A surname no other run used: the search must find exactly this run's requests. */
const apellido = `Lista${unique()}`;

beforeAll(async () => {
  const operador = await apiSession('operador');
  for (let i = 0; i < 3; i += 1) {
    await operador.post('/solicitudes', {
      cliente: { tipo_documento: 'DNI', numero_documento: uniqueDni(), nombres: `Paciente ${i}`, apellidos: apellido },
      servicio_id: 1,
    });
  }
  // the pagination needs more than one page whatever ran before
  for (let i = await operador.total('/solicitudes?page_size=1'); i < 21; i += 1) {
    await operador.post('/solicitudes', {
      cliente: { tipo_documento: 'DNI', numero_documento: uniqueDni(), nombres: 'Relleno', apellidos: `Pagina ${i}` },
      servicio_id: 1,
    });
  }
});

const badges = (page: Page) => page.locator('tbody .badge').allTextContents();


describe.each(VIEWPORTS)('J10 list search, filter, pagination ($name)', (viewport) => {
  it('pages, searches by surname across a reload and filters by state', async () => {
    const s = await openSession(viewport);
    const { page } = s;
    await login(page, 'gestor');
    await page.getByRole('link', { name: 'Solicitudes' }).click();
    const pagina = page.getByText(/^Pagina 1 de \d+ \(\d+ resultados\)$/);
    await pagina.waitFor();
    expect(await page.locator('tbody tr').count()).toBe(20);
    expect(await page.getByRole('button', { name: 'Anterior' }).isDisabled()).toBe(true);
    await reached(s, 'j10-lista-pagina-1');

    await page.getByRole('button', { name: 'Siguiente' }).click();
    await page.waitForURL((u) => u.searchParams.get('page') === '2');
    await page.getByText(/^Pagina 2 de \d+/).waitFor();
    expect(await page.getByRole('button', { name: 'Anterior' }).isDisabled()).toBe(false);
    await page.getByRole('button', { name: 'Anterior' }).click();
    await page.getByText(/^Pagina 1 de \d+/).waitFor();

    await page.getByLabel('Buscar solicitudes').fill(` ${apellido} `);
    await page.getByRole('button', { name: 'Buscar' }).press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === apellido && !u.searchParams.has('page'));
    await listSettled(page);
    expect(await page.locator('tbody tr').count()).toBe(3);
    const rows = await page.locator('tbody tr').allTextContents();
    expect(rows.every((r) => r.includes(apellido))).toBe(true);
    await page.reload();
    await page.locator('tbody tr').first().waitFor();
    await listSettled(page);
    expect(await page.locator('tbody tr').count()).toBe(3);
    expect(await page.getByLabel('Buscar solicitudes').inputValue()).toBe(apellido);
    await reached(s, 'j10-lista-busqueda');

    await page.getByLabel('Buscar solicitudes').fill('');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.waitForURL((u) => !u.searchParams.has('q'));
    await page.getByLabel('Filtrar por estado').selectOption('REGISTRADO');
    await page.waitForURL((u) => u.searchParams.get('estado_operativo') === 'REGISTRADO');
    await listSettled(page);
    expect(new Set(await badges(page))).toEqual(new Set(['REGISTRADO']));
    await reached(s, 'j10-lista-filtro');
    await page.getByLabel('Filtrar por estado').selectOption({ label: 'Todos los estados' });
    await page.waitForURL((u) => !u.searchParams.has('estado_operativo'));
    await page.getByText(/^Pagina 1 de \d+/).waitFor();
    await s.close();
  });
});
