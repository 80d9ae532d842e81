import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { Rol, SolicitudDetail, User } from '../api/types';
import { DetallePage } from './DetallePage';
import { CONFIRMAR_ELIMINAR } from './CancelarEliminar';
import { detalle, enEstado, GESTOR } from './detalle.fixture';
import { conRoles, testQueryClient } from '../test-fixtures';

let usuario: User;

vi.mock('../auth/AuthProvider', () => ({
  useUser: () => usuario,
  hasRole: (user: User, rol: Rol) => user.roles.includes(rol),
}));

type Answer = { status: number; body: unknown };
const ok = (data: unknown): Answer => ({ status: 200, body: { ok: true, data } });
const fail = (status: number, code: string, message?: string): Answer =>
  ({ status, body: { ok: false, error: { code, ...(message ? { message } : {}) } } });

/** A fake API: each `METHOD /path` takes its answers in turn (the last one repeats); every call is recorded. */
function stubApi(routes: Record<string, Answer | Answer[]>) {
  const calls: { key: string; body: unknown }[] = [];
  const turn: Record<string, number> = {};
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const key = `${init.method} ${url}`;
    calls.push({ key, body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body });
    const route = routes[key];
    const list = Array.isArray(route) ? route : route ? [route] : [fail(404, 'NOT_FOUND')];
    const answer = list[Math.min(turn[key] = (turn[key] ?? -1) + 1, list.length - 1)];
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
  }));
  return calls;
}

const GET = 'GET /solicitudes/12';
const EMPLEADOS = { 'GET /empleados?rol=GESTOR': ok([GESTOR]), 'GET /empleados?rol=MEDICO': ok([]) };

function renderPage() {
  const client = testQueryClient();
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/app/solicitudes/12']}>
        <Routes>
          <Route path="/app/solicitudes/:id" element={<DetallePage />} />
          <Route path="/app/solicitudes" element={<p>Lista de solicitudes</p>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const user = () => userEvent.setup();
const bloque = (titulo: string) => screen.getByRole('region', { name: titulo });
const form = (nombre: string) => screen.getByRole('form', { name: nombre });

beforeEach(() => { usuario = conRoles('OPERADOR'); });
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('DetallePage load states', () => {
  it('shows Cargando solicitud... and then the request', async () => {
    stubApi({ [GET]: ok(detalle()) });
    renderPage();
    expect(screen.getByText('Cargando solicitud...')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'CMEP-2026-0012' })).toBeTruthy();
  });

  it('says Solicitud no encontrada. on 404 and offers the way back', async () => {
    stubApi({ [GET]: fail(404, 'NOT_FOUND', 'Solicitud no encontrada') });
    renderPage();
    expect(await screen.findByText('Solicitud no encontrada.')).toBeTruthy();
    await user().click(screen.getByRole('button', { name: 'Volver a la lista' }));
    expect(screen.getByText('Lista de solicitudes')).toBeTruthy();
  });

  it('shows the API message of another load error, else the fallback', async () => {
    stubApi({ [GET]: fail(500, 'INTERNAL_ERROR') });
    renderPage();
    expect(await screen.findByText('Error al cargar solicitud')).toBeTruthy();
  });

  it('offers Reintentar when the API answers no data', async () => {
    stubApi({ [GET]: [ok(null), ok(detalle())] });
    renderPage();
    expect(await screen.findByText('No se pudo cargar la solicitud.')).toBeTruthy();
    await user().click(screen.getByRole('button', { name: 'Reintentar' }));
    expect(await screen.findByRole('heading', { name: 'CMEP-2026-0012' })).toBeTruthy();
  });
});

describe('DetallePage actions', () => {
  it('assigns a gestor through asignar-gestor and shows the returned detail', async () => {
    const calls = stubApi({
      [GET]: ok(enEstado('REGISTRADO', ['ASIGNAR_GESTOR'])),
      ...EMPLEADOS,
      'POST /solicitudes/12/asignar-gestor': ok(enEstado('ASIGNADO_GESTOR')),
    });
    renderPage();
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Asignar gestor' }));
    const f = form('Asignar gestor');
    expect((within(f).getByRole('button', { name: 'Confirmar' }) as HTMLButtonElement).disabled).toBe(true);
    await u.selectOptions(await within(f).findByLabelText('Gestor *'), await within(f).findByRole('option', { name: 'Carlos Gestor' }));
    await u.click(within(f).getByRole('button', { name: 'Confirmar' }));
    await waitFor(() => expect(bloque('Gestion administrativa').textContent).toContain('Gestor asignado: Carlos Gestor'));
    expect(calls.find((c) => c.key === 'POST /solicitudes/12/asignar-gestor')?.body).toEqual({ persona_id_gestor: 3 });
    expect(screen.queryByRole('form', { name: 'Asignar gestor' })).toBeNull();
    expect(calls.filter((c) => c.key === GET)).toHaveLength(1);
    expect(bloque('Gestion administrativa').dataset.estadoVisual).toBe('completed');
    expect(bloque('Pago').dataset.estadoVisual).toBe('in_progress');
  });

  it('keeps only one inline form open, each opening with its defaults', async () => {
    usuario = conRoles('GESTOR');
    stubApi({ [GET]: ok(enEstado('ASIGNADO_GESTOR', ['REGISTRAR_PAGO'])), ...EMPLEADOS });
    renderPage();
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Registrar pago' }));
    await u.type(within(form('Registrar pago')).getByLabelText('Monto *'), '150');
    await u.click(screen.getByRole('button', { name: 'Cambiar gestor' }));
    expect(screen.queryByRole('form', { name: 'Registrar pago' })).toBeNull();
    expect(form('Cambiar gestor')).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Registrar pago' }));
    expect((within(form('Registrar pago')).getByLabelText('Monto *') as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('form', { name: 'Cambiar gestor' })).toBeNull();
  });

  it('on 409 shows the conflict message, re-fetches in the background and keeps the message', async () => {
    usuario = conRoles('GESTOR');
    const calls = stubApi({
      [GET]: [ok(enEstado('ASIGNADO_GESTOR', ['REGISTRAR_PAGO'])), ok(enEstado('PAGADO', ['ASIGNAR_MEDICO']))],
      'POST /solicitudes/12/registrar-pago': fail(409, 'CONFLICT'),
    });
    renderPage();
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Registrar pago' }));
    await u.type(within(form('Registrar pago')).getByLabelText('Monto *'), '200');
    await u.click(within(form('Registrar pago')).getByRole('button', { name: 'Registrar pago' }));
    expect((await screen.findByRole('alert')).textContent).toBe('La solicitud cambio. Recargando...');
    await waitFor(() => expect(screen.getByText('PAGADO', { selector: '.badge' })).toBeTruthy());
    expect(calls.filter((c) => c.key === GET)).toHaveLength(2);
    expect(screen.getByRole('alert').textContent).toBe('La solicitud cambio. Recargando...');
    expect(screen.queryByText('Cargando solicitud...')).toBeNull();
  });

  it('shows 403 as No autorizado and clears the alert when the next action starts', async () => {
    const calls = stubApi({
      [GET]: ok(enEstado('ASIGNADO_MEDICO')),
      'PATCH /solicitudes/12': [fail(403, 'FORBIDDEN', 'no'), ok(enEstado('ASIGNADO_MEDICO', [], { estado_certificado: 'APROBADO' }))],
    });
    renderPage();
    const u = user();
    const select = await screen.findByLabelText('Estado certificado:');
    await u.selectOptions(select, 'APROBADO');
    expect((await screen.findByRole('alert')).textContent).toBe('No autorizado para esta accion.');
    await u.selectOptions(select, 'APROBADO');
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('APROBADO'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls.filter((c) => c.key === 'PATCH /solicitudes/12').map((c) => c.body))
      .toEqual([{ estado_certificado: 'APROBADO' }, { estado_certificado: 'APROBADO' }]);
  });

  it('lists the missing close prerequisites instead of opening the close form', async () => {
    usuario = conRoles('MEDICO');
    stubApi({ [GET]: ok(enEstado('ASIGNADO_MEDICO', ['CERRAR'])) });
    renderPage();
    await user().click(await screen.findByRole('button', { name: 'Cerrar solicitud' }));
    const box = screen.getByText(/No se puede cerrar aun\. Falta:/);
    expect(within(box).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Tipo de atencion', 'Estado de certificado']);
    expect(screen.queryByRole('form', { name: 'Cerrar solicitud' })).toBeNull();
  });

  it('sends only the changed fields of Editar datos', async () => {
    const calls = stubApi({ [GET]: ok(detalle()), 'PATCH /solicitudes/12': ok(detalle({ cliente: { ...detalle().cliente, celular: '911222333' } })) });
    renderPage();
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Editar datos' }));
    const f = form('Editar datos');
    const celular = within(f).getByLabelText('Celular del cliente');
    await u.clear(celular);
    await u.type(celular, '911222333');
    await u.clear(within(f).getByLabelText('Direccion del cliente'));
    await u.click(within(f).getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Editar datos' })).toBeNull());
    expect(calls.find((c) => c.key === 'PATCH /solicitudes/12')?.body).toEqual({ cliente_celular: '911222333' });
    expect(screen.getByText('911222333')).toBeTruthy();
  });

  it('hides Cancelar solicitud without CANCELAR and Eliminar solicitud without the ADMIN role', async () => {
    stubApi({ [GET]: ok(enEstado('CERRADO')) });
    renderPage();
    await screen.findByRole('heading', { name: 'CMEP-2026-0012' });
    expect(screen.queryByRole('button', { name: 'Cancelar solicitud' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Eliminar solicitud' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Override (admin)' })).toBeNull();
    expect(screen.getByText('Solicitud finalizada.', { selector: '.card-head .helper' })).toBeTruthy();
  });

  it('deletes after the exact confirmation and goes back to the list', async () => {
    usuario = conRoles('ADMIN');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    stubApi({ [GET]: ok(detalle()), 'DELETE /solicitudes/12': { status: 200, body: { ok: true } } });
    renderPage();
    await user().click(await screen.findByRole('button', { name: 'Eliminar solicitud' }));
    expect(confirm).toHaveBeenCalledWith(CONFIRMAR_ELIMINAR);
    expect(await screen.findByText('Lista de solicitudes')).toBeTruthy();
  });

  it('sends an override as {motivo, accion, payload}', async () => {
    usuario = conRoles('ADMIN');
    const cerrada = enEstado('CERRADO', ['OVERRIDE'], { lugar_atencion: 'Sede' });
    const calls = stubApi({
      [GET]: ok(cerrada), 'GET /servicios': ok([]),
      'POST /solicitudes/12/override': ok({ ...cerrada, lugar_atencion: 'Sede Norte' } satisfies SolicitudDetail),
    });
    renderPage();
    const u = user();
    const panel = await screen.findByRole('region', { name: 'Override (admin)' });
    await u.type(within(panel).getByLabelText('Motivo *'), 'Correccion de datos');
    const lugar = within(panel).getByLabelText('Lugar atencion');
    await u.clear(lugar);
    await u.type(lugar, 'Sede Norte');
    await u.click(within(panel).getByRole('button', { name: 'Aplicar override' }));
    await waitFor(() => expect(bloque('Gestion administrativa').textContent).toContain('Lugar atencion: Sede Norte'));
    expect(calls.find((c) => c.key === 'POST /solicitudes/12/override')?.body)
      .toEqual({ motivo: 'Correccion de datos', accion: 'EDITAR_DATOS', payload: { lugar_atencion: 'Sede Norte' } });
    expect((within(panel).getByLabelText('Motivo *') as HTMLInputElement).value).toBe('');
  });
});

describe('DetallePage files', () => {
  it('shows an upload failure inside Archivos, not in the page alert', async () => {
    stubApi({ [GET]: ok(detalle()), 'POST /solicitudes/12/archivos': fail(422, 'VALIDATION_ERROR', 'Tipo de archivo no permitido') });
    renderPage();
    const u = user();
    const archivos = await screen.findByRole('region', { name: 'Archivos' });
    await u.upload(within(archivos).getByLabelText('Archivo'), new File(['hola'], 'nota.txt', { type: 'text/plain' }));
    await u.click(within(archivos).getByRole('button', { name: 'Subir archivo' }));
    expect((await within(archivos).findByRole('alert')).textContent).toBe('Tipo de archivo no permitido');
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(within(archivos).getByText('Sin archivos adjuntos.')).toBeTruthy();
  });

  it('tags files by verification and offers no download for a rejected one', async () => {
    const archivo = { id: 1, archivo_id: 9, pago_id: null, tipo: 'DOCUMENTO' as const, mime_type: 'image/png', tamano_bytes: 2048, sha256: null };
    stubApi({ [GET]: ok(detalle({ archivos: [
      { ...archivo, nombre: 'pendiente.png', estado_verificacion: 'PENDIENTE' },
      { ...archivo, id: 2, archivo_id: 10, nombre: 'malo.png', estado_verificacion: 'RECHAZADO' },
      { ...archivo, id: 3, archivo_id: 11, nombre: 'bueno.png', estado_verificacion: 'VERIFICADO' },
    ] })) });
    renderPage();
    const fila = async (nombre: string) => (await screen.findByText(nombre)).closest('tr')!;
    expect((await fila('pendiente.png')).textContent).toContain('verificando');
    expect(within(await fila('malo.png')).getByText('rechazado')).toBeTruthy();
    expect(within(await fila('malo.png')).queryByRole('link', { name: 'Descargar' })).toBeNull();
    const descargar = within(await fila('bueno.png')).getByRole('link', { name: 'Descargar' });
    expect(descargar.getAttribute('href')).toBe('/archivos/11');
    expect(descargar.getAttribute('download')).toBe('bueno.png');
    expect((await fila('bueno.png')).textContent).not.toMatch(/verificando|rechazado/);
  });
});
