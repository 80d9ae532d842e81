import { afterAll, describe, expect, it } from 'vitest';
import { VIEWPORTS, apiSession, closeBrowser, login, openSession, reached, uniqueDni } from './support';

afterAll(closeBrowser);

describe.each(VIEWPORTS)('J12 session expiry ($name)', (viewport) => {
  it('an action after the cookie is gone lands on /login, and logging in again works', async () => {
    const api = await apiSession('operador');
    const { solicitud_id, codigo } = await api.post('/solicitudes', {
      cliente: { tipo_documento: 'DNI', numero_documento: uniqueDni(), nombres: 'Test', apellidos: 'Sesion E2E' },
    }) as { solicitud_id: number; codigo: string };
    const s = await openSession(viewport);
    const { page, context } = s;
    await login(page, 'operador');
    await page.goto(`/app/solicitudes/${solicitud_id}`);
    await page.getByRole('heading', { level: 1, name: codigo }).waitFor();

    await context.clearCookies();
    await page.getByRole('button', { name: 'Cancelar solicitud' }).click();
    await page.getByRole('form', { name: 'Cancelar solicitud' }).getByRole('button', { name: 'Confirmar cancelacion' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByLabel('Email').waitFor();
    await reached(s, 'j12-login-tras-expirar');
    const detalle = await api.get(`/solicitudes/${solicitud_id}`) as { estado_operativo: string };
    expect(detalle.estado_operativo).toBe('REGISTRADO');

    await login(page, 'operador');
    expect(new URL(page.url()).pathname).toBe('/app');
    await s.close();
  });
});
