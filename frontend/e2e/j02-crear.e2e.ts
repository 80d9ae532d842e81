import { afterAll, describe, expect, it } from 'vitest';
import { VIEWPORTS, closeBrowser, listSettled, login, openSession, reached, uniqueDni } from './support';

afterAll(closeBrowser);

describe.each(VIEWPORTS)('J2 create request ($name)', (viewport) => {
  it('validates the form, creates the request and finds it in the list', async () => {
    const s = await openSession(viewport);
    const { page } = s;
    await login(page, 'operador');
    await page.getByRole('link', { name: 'Solicitudes' }).click();
    await page.getByRole('button', { name: '+ Registrar Solicitud' }).click();
    await page.waitForURL((u) => u.pathname === '/app/solicitudes/nueva');
    await page.getByRole('heading', { name: 'Registrar Solicitud' }).waitFor();
    await reached(s, 'j2-nueva-vacia');

    const submit = page.getByRole('button', { name: 'Registrar Solicitud' });
    await submit.click();
    await page.getByText('Complete los datos obligatorios del cliente.').waitFor();

    const dni = uniqueDni();
    const cliente = page.getByRole('group', { name: 'Datos del Cliente *' });
    await cliente.getByLabel('Tipo documento *').selectOption('DNI');
    await cliente.getByLabel('Numero documento *').fill(dni);
    await cliente.getByLabel('Nombres *').fill('Test');
    await cliente.getByLabel('Apellidos *').fill('Cliente E2E');
    await page.getByLabel('Incluir apoderado').check();
    await submit.click();
    await page.getByText('Complete los datos obligatorios del apoderado.').waitFor();
    await reached(s, 'j2-nueva-apoderado-incompleto');
    await page.getByLabel('Incluir apoderado').uncheck();

    await page.getByLabel('Opcion').selectOption({ label: 'Seleccionar existente' });
    const promotor = page.getByLabel('Seleccionar promotor');
    const notaria = (await promotor.locator('option').allTextContents()).find((t) => t.startsWith('Notaria Gonzales & Asociados'));
    expect(notaria).toBeDefined();
    await promotor.selectOption({ label: notaria! });
    const servicio = page.getByLabel('Seleccionar servicio');
    expect(await servicio.inputValue()).not.toBe('');
    await submit.click();

    await page.waitForURL((u) => /^\/app\/solicitudes\/\d+$/.test(u.pathname));
    const id = new URL(page.url()).pathname.split('/').pop();
    await page.getByText('Gestor asignado:').first().waitFor();
    expect(await page.locator('.badge').first().textContent()).toBe('REGISTRADO');
    expect(await page.getByText('Notaria Gonzales & Asociados').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByText('Datos del Promotor').count()).toBe(1);
    expect(await page.getByText('Sin asignar').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByText('Disponible cuando se asigne un gestor.').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByLabel('Estado certificado').isDisabled()).toBe(true);
    await reached(s, 'j2-detalle-registrado');

    await page.getByRole('button', { name: /Volver a solicitudes/ }).click();
    await page.waitForURL((u) => u.pathname === '/app/solicitudes');
    const firstRow = page.locator('tbody tr').first();
    await firstRow.waitFor();
    await listSettled(page);
    expect(await firstRow.textContent()).toContain(`DNI ${dni}`);
    await reached(s, 'j2-lista');

    await page.getByLabel('Buscar solicitudes').fill(dni);
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.waitForURL((u) => u.searchParams.get('q') === dni);
    await page.waitForFunction((doc) => {
      const rows = [...document.querySelectorAll('tbody tr')];
      return rows.length === 1 && rows[0].textContent!.includes(doc);
    }, `DNI ${dni}`);

    await page.getByLabel('Filtrar por estado').selectOption('CERRADO');
    await page.getByText('No se encontraron solicitudes.').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(0);
    expect(id).toMatch(/^\d+$/);
    await s.close();
  });
});
