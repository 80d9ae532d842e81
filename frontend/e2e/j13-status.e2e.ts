import { afterAll, describe, expect, it } from 'vitest';
import { VIEWPORTS, closeBrowser, openSession, reached } from './support';

afterAll(closeBrowser);

describe.each(VIEWPORTS)('J13 status page ($name)', (viewport) => {
  it('shows the backend connected and its version, anonymously', async () => {
    const s = await openSession(viewport);
    await s.page.goto('/status');
    await s.page.getByText('Conectado — Backend healthy').waitFor();
    await s.page.getByText(/^Version:/).waitFor();
    expect(await s.page.locator('strong').last().textContent()).toMatch(/\d+\.\d+/);
    await reached(s, 'j13-status-connected');
    await s.close();
  });

  it('shows the API down as Desconectado', async () => {
    const s = await openSession(viewport);
    // the API is down for this page only: its calls fail at the network level
    await s.page.route(/\/(health|version)$/, (route) => route.abort('connectionrefused'));
    await s.page.goto('/status');
    const alerta = s.page.getByText(/^Desconectado — /);
    await alerta.waitFor();
    expect(await alerta.textContent()).toContain('No se pudo conectar con el servidor');
    await reached(s, 'j13-status-down');
    await s.close();
  });
});
