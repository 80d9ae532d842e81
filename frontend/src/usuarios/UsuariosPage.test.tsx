import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import type { AdminUser } from '../api/types';
import { UsuariosPage } from './UsuariosPage';
import { testQueryClient } from '../test-fixtures';

const ana: AdminUser = {
  user_id: 2, user_email: 'operador@cmep.local', is_active: true, persona_id: 2, nombres: 'Ana', apellidos: 'Operadora',
  tipo_documento: 'DNI', numero_documento: '00000002', telefono: null, email: 'operador@cmep.local', celular_2: null,
  telefono_fijo: null, fecha_nacimiento: null, direccion: null, comentario: null, roles: ['OPERADOR'],
  created_at: '2026-01-20T10:00:00Z',
};

const PERMISOS = {
  ADMIN: { REGISTRADO: ['EDITAR_DATOS'], CERRADO: ['OVERRIDE'] },
  OPERADOR: { REGISTRADO: ['EDITAR_DATOS'], CERRADO: [] },
  GESTOR: { REGISTRADO: [], CERRADO: [] },
  MEDICO: { REGISTRADO: [], CERRADO: [] },
};

type Answer = { status: number; body: unknown };
const json = (status: number, body: unknown): Answer => ({ status, body });

function stubApi(routes: Record<string, Answer>) {
  const calls: { key: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const key = `${init.method} ${url}`;
    calls.push({ key, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const answer = routes[key] ?? json(404, { ok: false });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
  }));
  return calls;
}

const ADMIN_ROUTES = {
  'GET /admin/usuarios': json(200, { ok: true, data: [ana] }),
  'GET /admin/permisos': json(200, { ok: true, data: PERMISOS }),
};

function renderPage() {
  const client = testQueryClient();
  return render(<QueryClientProvider client={client}><UsuariosPage /></QueryClientProvider>);
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('UsuariosPage', () => {
  it('shows a non-admin the API refusal, no table and no permissions section', async () => {
    const forbidden = json(403, { ok: false, error: { code: 'FORBIDDEN', message: 'Solo ADMIN puede acceder a esta funcion' } });
    stubApi({ 'GET /admin/usuarios': forbidden, 'GET /admin/permisos': forbidden });
    renderPage();
    expect((await screen.findByRole('alert')).textContent).toBe('Solo ADMIN puede acceder a esta funcion');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: /Permisos por Rol/ })).toBeNull();
  });

  it('keeps Crear disabled until a role is ticked', async () => {
    stubApi(ADMIN_ROUTES);
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '+ Nuevo Usuario' }));
    const dialog = screen.getByRole('dialog', { name: 'Nuevo Usuario' });
    const crear = within(dialog).getByRole('button', { name: 'Crear' }) as HTMLButtonElement;
    expect(crear.disabled).toBe(true);
    await user.click(within(dialog).getByLabelText('MEDICO'));
    expect(crear.disabled).toBe(false);
    await user.click(within(dialog).getByLabelText('MEDICO'));
    expect(crear.disabled).toBe(true);
  });

  it('sends only the changed fields of an edit and says so in green', async () => {
    const calls = stubApi({ ...ADMIN_ROUTES, 'PATCH /admin/usuarios/2': json(200, { ok: true, data: ana }) });
    renderPage();
    const user = userEvent.setup();
    const row = (await screen.findByText('operador@cmep.local')).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Editar' }));
    const dialog = screen.getByRole('dialog', { name: 'Editar: operador@cmep.local' });
    const nombres = within(dialog).getByLabelText('Nombres');
    await user.clear(nombres);
    await user.type(nombres, 'Anita');
    await user.click(within(dialog).getByLabelText('GESTOR'));
    await user.click(within(dialog).getByRole('button', { name: 'Guardar' }));

    expect((await screen.findByRole('status')).textContent).toBe('Usuario actualizado exitosamente');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.find((c) => c.key === 'PATCH /admin/usuarios/2')?.body).toEqual({ nombres: 'Anita', roles: ['OPERADOR', 'GESTOR'] });
  });

  it('suspends after the exact confirm and shows the API refusal in the page', async () => {
    const calls = stubApi({ ...ADMIN_ROUTES, 'PATCH /admin/usuarios/2': json(400,
      { ok: false, error: { code: 'BAD_REQUEST', message: 'No puedes suspenderte a ti mismo' } }) });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Suspender' }));
    expect(confirm).toHaveBeenCalledWith('¿Seguro que deseas suspender a Ana Operadora?');
    expect((await screen.findByRole('alert')).textContent).toBe('No puedes suspenderte a ti mismo');
    expect(calls.find((c) => c.key === 'PATCH /admin/usuarios/2')?.body).toEqual({ is_active: false });
  });

  it('expands the read-only matrix with states as rows, roles as columns and a dash for none', async () => {
    stubApi(ADMIN_ROUTES);
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '▶ Permisos por Rol' }));
    expect(screen.getByRole('button', { name: '▼ Permisos por Rol' }).getAttribute('aria-expanded')).toBe('true');
    const matriz = screen.getAllByRole('table')[1];
    expect(within(matriz).getAllByRole('columnheader').map((th) => th.textContent))
      .toEqual(['Estado', 'ADMIN', 'OPERADOR', 'GESTOR', 'MEDICO']);
    const cerrado = within(matriz).getByRole('rowheader', { name: 'CERRADO' }).closest('tr')!;
    expect(within(cerrado).getAllByRole('cell').map((td) => td.textContent)).toEqual(['OVERRIDE', '—', '—', '—']);
  });
});
