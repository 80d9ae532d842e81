import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEWPORTS, apiSession, closeBrowser, expectNoHorizontalOverflow, login, logout, openSession, reached, uniqueDni } from './support';

afterAll(closeBrowser);

type Api = Awaited<ReturnType<typeof apiSession>>;
interface Creada { solicitud_id: number; codigo: string }
interface Empleado { persona_id: number; nombre: string }

const OTRO_MEDICO = { nombres: 'Otro', apellidos: 'Medico E2E', email: 'e2e.medico2@cmep.local' };

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const historial = (page: Page, campo: string) =>
  region(page, 'Historial de cambios').getByRole('row', { name: new RegExp(`\\b${campo}\\b`) });
const esperarBadge = (page: Page, texto: string) =>
  page.locator('.detalle-titulo .badge', { hasText: new RegExp(`^${texto}$`) }).waitFor();

async function crear(op: Api, apellidos: string): Promise<Creada> {
  return await op.post('/solicitudes', {
    cliente: { tipo_documento: 'DNI', numero_documento: uniqueDni(), nombres: 'Test', apellidos },
  }) as Creada;
}

async function persona(api: Api, rol: string, nombre: string): Promise<number> {
  const lista = await api.get(`/empleados?rol=${rol}`) as Empleado[];
  return lista.find((e) => e.nombre === nombre)!.persona_id;
}

/** "The request closed in J3", rebuilt through the API for speed (J3 itself walks it in the browser). */
async function solicitudCerrada(): Promise<Creada> {
  const [op, ge, me] = await Promise.all([apiSession('operador'), apiSession('gestor'), apiSession('medico')]);
  const s = await crear(op, 'Override Cerrada E2E');
  const base = `/solicitudes/${s.solicitud_id}`;
  await op.post(`${base}/asignar-gestor`, { persona_id_gestor: await persona(op, 'GESTOR', 'Carlos Gestor') });
  await ge.post(`${base}/registrar-pago`, { canal_pago: 'YAPE', fecha_pago: '2026-01-15', monto: 200, moneda: 'PEN' });
  await ge.post(`${base}/asignar-medico`, { persona_id_medico: await persona(ge, 'MEDICO', 'Maria Medico') });
  await me.post(`${base}/cerrar`, { comentario: 'OK' });
  return s;
}

/** "The request cancelled in J4". */
async function solicitudCancelada(): Promise<Creada> {
  const op = await apiSession('operador');
  const s = await crear(op, 'Override Cancelada E2E');
  await op.post(`/solicitudes/${s.solicitud_id}/cancelar`, { comentario: 'Cliente desistio' });
  return s;
}

/** A second doctor to change to; created once, kept for later runs. */
async function asegurarOtroMedico(): Promise<void> {
  const admin = await apiSession('admin');
  const usuarios = await admin.get('/admin/usuarios') as { user_email: string }[];
  if (usuarios.some((u) => u.user_email === OTRO_MEDICO.email)) return;
  await admin.post('/admin/usuarios', {
    user_email: OTRO_MEDICO.email, password: 'medico2e2e', nombres: OTRO_MEDICO.nombres, apellidos: OTRO_MEDICO.apellidos,
    tipo_documento: 'CE', numero_documento: 'E2EMEDICO2', roles: ['MEDICO'],
  });
}

async function abrir(page: Page, s: Creada) {
  await page.goto(`/app/solicitudes/${s.solicitud_id}`);
  await page.getByRole('heading', { level: 1, name: s.codigo }).waitFor();
}

async function todoDeshabilitado(page: Page) {
  const botones = await page.locator('.bloque button').all();
  expect(botones.length).toBeGreaterThan(0);
  for (const b of botones) expect(await b.isDisabled(), await b.textContent() ?? '').toBe(true);
  expect(await page.getByRole('button', { name: 'Editar tipo/lugar atencion' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Cancelar solicitud' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Editar datos' }).count()).toBe(0);
  expect(await region(page, 'Datos del cliente').getByText('Solicitud finalizada.').count()).toBe(1);
}

/** Steps 1–3 of J5 on one terminal request. */
async function overrideEditarDatos(page: Page, s: Creada, estado: string) {
  await abrir(page, s);
  await todoDeshabilitado(page);
  const panel = region(page, 'Override (admin)');
  const motivo = panel.getByLabel('Motivo *');
  const accion = panel.getByLabel('Accion');
  expect(await accion.locator('option').allTextContents())
    .toEqual(['EDITAR_DATOS', 'CAMBIAR_GESTOR', 'CAMBIAR_MEDICO', 'REGISTRAR_PAGO', 'CERRAR', 'CANCELAR']);

  await panel.getByRole('button', { name: 'Aplicar override' }).click();
  expect(await motivo.evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
  expect(await historial(page, 'override').count()).toBe(0);

  const lugar = `Sede Override ${s.solicitud_id}`;
  await motivo.fill('Correccion de datos');
  await accion.selectOption('EDITAR_DATOS');
  await panel.getByLabel('Lugar atencion').fill(lugar);
  await panel.getByRole('button', { name: 'Aplicar override' }).click();
  await region(page, 'Gestion administrativa').getByText(`Lugar atencion: ${lugar}`).waitFor();
  await esperarBadge(page, estado);
  expect(await historial(page, 'override').textContent()).toMatch(new RegExp(`${estado}.*true.*Admin Sistema.*Correccion de datos`));
  expect(await historial(page, 'lugar_atencion').textContent()).toMatch(new RegExp(`${lugar}.*Admin Sistema`));
  expect(await motivo.inputValue()).toBe('');
}

describe.each(VIEWPORTS)('J5 admin override ($name)', (viewport) => {
  it('admin overrides a closed and a cancelled request; operador gets nothing', async () => {
    const [cerrada, cancelada] = await Promise.all([solicitudCerrada(), solicitudCancelada(), asegurarOtroMedico()]);
    const s = await openSession(viewport);
    const { page } = s;
    await login(page, 'admin');

    await overrideEditarDatos(page, cerrada, 'CERRADO');
    const panel = region(page, 'Override (admin)');
    await panel.getByLabel('Motivo *').fill('Cambio de medico');
    await panel.getByLabel('Accion').selectOption('CAMBIAR_MEDICO');
    const otro = `${OTRO_MEDICO.nombres} ${OTRO_MEDICO.apellidos}`;
    await panel.getByLabel('Medico *').selectOption({ label: otro });
    await reached(s, 'j5-override-cambiar-medico');
    await panel.getByRole('button', { name: 'Aplicar override' }).click();
    await region(page, 'Evaluacion medica').getByText(`Medico asignado: ${otro}`).waitFor();
    await esperarBadge(page, 'CERRADO');
    expect(await historial(page, 'override').count()).toBe(2);
    expect(await historial(page, 'override_cambiar_medico').textContent()).toMatch(new RegExp(`Maria Medico.*${otro}.*Admin Sistema`));
    await reached(s, 'j5-cerrada-tras-override');

    await overrideEditarDatos(page, cancelada, 'CANCELADO');
    await reached(s, 'j5-cancelada-tras-override');
    await logout(page);

    await login(page, 'operador');
    for (const solicitud of [cancelada, cerrada]) {
      await abrir(page, solicitud);
      await todoDeshabilitado(page);
      expect(await region(page, 'Evaluacion medica').getByLabel('Estado certificado').isDisabled()).toBe(true);
      expect(await region(page, 'Override (admin)').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Eliminar solicitud' }).count()).toBe(0);
    }
    await expectNoHorizontalOverflow(page);
    await reached(s, 'j5-operador-cerrada');
    await s.close();
  });
});
