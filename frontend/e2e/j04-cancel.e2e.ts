import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEWPORTS, apiSession, closeBrowser, expectNoHorizontalOverflow, login, openSession, reached, uniqueDni } from './support';

afterAll(closeBrowser);

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Setup data straight through the API: creating a request is J2's subject, not this journey's. */
async function crearSolicitud(): Promise<{ solicitud_id: number; codigo: string }> {
  const api = await apiSession('operador');
  const servicios = await api.get('/servicios') as { servicio_id: number }[];
  return await api.post('/solicitudes', {
    cliente: { tipo_documento: 'DNI', numero_documento: uniqueDni(), nombres: 'Test', apellidos: 'Cancelacion E2E' },
    servicio_id: servicios[0]?.servicio_id,
  }) as { solicitud_id: number; codigo: string };
}

describe.each(VIEWPORTS)('J4 cancel ($name)', (viewport) => {
  it('operador cancels a request with a reason', async () => {
    const s = await openSession(viewport);
    const { page } = s;
    const { solicitud_id, codigo } = await crearSolicitud();
    await login(page, 'operador');
    await page.goto(`/app/solicitudes/${solicitud_id}`);
    await page.getByRole('heading', { level: 1, name: codigo }).waitFor();

    await page.getByRole('button', { name: 'Cancelar solicitud' }).click();
    const panel = page.getByRole('form', { name: 'Cancelar solicitud' });
    await panel.getByText('Se marcara como CANCELADA. Solo un admin podra revertir via Override.').waitFor();
    expect(await page.getByRole('button', { name: 'Cancelar solicitud' }).count()).toBe(0);
    const motivo = panel.getByLabel('Motivo (opcional)');
    expect(await motivo.getAttribute('placeholder')).toBe('Razon de cancelacion...');
    await motivo.fill('Cliente desistio');
    await reached(s, 'j4-cancelar-form');
    await panel.getByRole('button', { name: 'Confirmar cancelacion' }).click();

    await page.locator('.detalle-titulo .badge', { hasText: /^CANCELADO$/ }).waitFor();
    expect(await page.locator('.stepper li.step-pending').count()).toBe(5);
    expect(await page.locator('.stepper li[aria-current="step"]').count()).toBe(0);
    await page.getByText('CANCELADA — Solicitud cancelada.').waitFor();
    const motivoAlerta = page.locator('.alert-warning', { hasText: 'Motivo de cancelacion:' });
    expect(await motivoAlerta.textContent()).toBe('Motivo de cancelacion: Cliente desistio');
    await page.getByText('Fecha cancelacion:').waitFor();

    expect(await page.getByRole('button', { name: 'Cancelar solicitud' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Cancelar solicitud' }).count()).toBe(0);
    const gestion = region(page, 'Gestion administrativa');
    expect(await gestion.getByRole('button', { name: 'Asignar gestor' }).isDisabled()).toBe(true);
    expect(await gestion.textContent()).toContain('Solicitud finalizada.');
    const evaluacion = region(page, 'Evaluacion medica');
    expect(await evaluacion.getByRole('button', { name: 'Cerrar solicitud' }).isDisabled()).toBe(true);
    expect(await evaluacion.textContent()).toContain('Solicitud cancelada.');
    const fila = region(page, 'Historial de cambios').getByRole('row', { name: /estado_atencion/ });
    expect(await fila.textContent()).toMatch(/CANCELADO.*Cliente desistio/);
    await expectNoHorizontalOverflow(page);
    await reached(s, 'j4-cancelada');
    await s.close();
  });
});
