import { afterAll, describe, expect, it } from 'vitest';
import { VIEWPORTS, acceptConfirm, apiSession, closeBrowser, login, logout, openSession, reached, uniqueDni, type SeedUser } from './support';

afterAll(closeBrowser);

const CONFIRMACION =
  'Eliminar esta solicitud eliminara todos los datos asociados (pagos, archivos, historial, asignaciones, resultados medicos). Esta accion es irreversible. Continuar?';

/** A throw-away request, created through the API: creating is J2's subject. */
async function crear(quien: SeedUser) {
  const api = await apiSession(quien);
  const dni = uniqueDni();
  const creada = await api.post('/solicitudes', {
    cliente: { tipo_documento: 'DNI', numero_documento: dni, nombres: 'Test', apellidos: 'Eliminar E2E' },
  }) as { solicitud_id: number; codigo: string };
  return { ...creada, dni };
}

describe.each(VIEWPORTS)('J6 delete request ($name)', (viewport) => {
  it('admin deletes a request after the confirmation; operador has no delete button', async () => {
    const [tirar, ajena] = await Promise.all([crear('admin'), crear('operador')]);
    const s = await openSession(viewport);
    const { page } = s;
    await login(page, 'admin');
    await page.goto(`/app/solicitudes/${tirar.solicitud_id}`);
    await page.getByRole('heading', { level: 1, name: tirar.codigo }).waitFor();

    const confirmacion = acceptConfirm(page);
    await page.getByRole('button', { name: 'Eliminar solicitud' }).click();
    await page.waitForURL((u) => u.pathname === '/app/solicitudes');
    expect(await confirmacion).toBe(CONFIRMACION);
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody').textContent()).not.toContain(`DNI ${tirar.dni}`);
    await reached(s, 'j6-lista-tras-eliminar');

    await page.goto(`/app/solicitudes/${tirar.solicitud_id}`);
    await page.getByText('Solicitud no encontrada.').waitFor();
    await reached(s, 'j6-no-encontrada');
    await page.getByRole('button', { name: 'Volver a la lista' }).click();
    await page.waitForURL((u) => u.pathname === '/app/solicitudes');
    await logout(page);

    await login(page, 'operador');
    await page.goto(`/app/solicitudes/${ajena.solicitud_id}`);
    await page.getByRole('heading', { level: 1, name: ajena.codigo }).waitFor();
    expect(await page.getByRole('button', { name: 'Eliminar solicitud' }).count()).toBe(0);
    await s.close();
  });
});
