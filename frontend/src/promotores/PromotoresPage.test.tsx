import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import type { Promotor } from '../api/types';
import { PromotoresPage } from './PromotoresPage';
import { testQueryClient } from '../test-fixtures';

const notaria: Promotor = {
  promotor_id: 2, tipo_promotor: 'EMPRESA', nombre: 'Notaria Gonzales', razon_social: 'Notaria Gonzales',
  nombre_promotor_otros: null, ruc: '20123456789', email: null, celular_1: null, fuente_promotor: 'notarias',
  comentario: null, persona_id: null, persona_nombres: null, persona_apellidos: null, persona_tipo_documento: null,
  persona_numero_documento: null,
};

type Answer = { status: number; body: unknown };
const json = (status: number, body: unknown): Answer => ({ status, body });

/** A fake API: each call takes the answer its `METHOD /path` maps to and is recorded. */
function stubApi(routes: Record<string, Answer | (() => Answer)>) {
  const calls: { key: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const key = `${init.method} ${url}`;
    calls.push({ key, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const route = routes[key];
    const answer = typeof route === 'function' ? route() : route ?? json(404, { ok: false });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
  }));
  return calls;
}

function renderPage() {
  const client = testQueryClient();
  return render(<QueryClientProvider client={client}><PromotoresPage /></QueryClientProvider>);
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('PromotoresPage', () => {
  it('lists promoters with a type pill and dashes for missing values', async () => {
    stubApi({ 'GET /promotores': json(200, { ok: true, data: [notaria] }) });
    renderPage();
    const row = (await screen.findByText('Notaria Gonzales')).closest('tr')!;
    expect(within(row).getByText('EMPRESA').className).toContain('pill-empresa');
    expect(within(row).getAllByText('-')).toHaveLength(2);
  });

  it('says so when there are no promoters', async () => {
    stubApi({ 'GET /promotores': json(200, { ok: true, data: [] }) });
    renderPage();
    expect(await screen.findByText('No hay promotores registrados.')).toBeTruthy();
  });

  it('hides the new button while the modal is open and shows a failed save inside the modal', async () => {
    const calls = stubApi({
      'GET /promotores': json(200, { ok: true, data: [notaria] }),
      'POST /promotores': json(422, { ok: false, error: { code: 'VALIDATION_ERROR', message: 'Datos invalidos',
        details: [{ field: 'nombre_promotor_otros', message: 'OTROS requiere nombre_promotor_otros' }] } }),
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '+ Nuevo promotor' }));
    expect(screen.queryByRole('button', { name: '+ Nuevo promotor' })).toBeNull();

    const dialog = screen.getByRole('dialog', { name: 'Nuevo promotor' });
    await user.selectOptions(within(dialog).getByLabelText('Tipo'), 'OTROS');
    await user.selectOptions(within(dialog).getByLabelText('Fuente'), 'Redes sociales');
    await user.click(within(dialog).getByRole('button', { name: 'Guardar' }));

    expect((await within(dialog).findByRole('alert')).textContent).toBe('Datos invalidos');
    expect(within(dialog).getByText('OTROS requiere nombre_promotor_otros')).toBeTruthy();
    expect(calls.find((c) => c.key === 'POST /promotores')?.body).toEqual({ tipo_promotor: 'OTROS', fuente_promotor: 'redes sociales' });
  });

  it('edits with the type and every non-empty field, highlighting the row meanwhile', async () => {
    const calls = stubApi({
      'GET /promotores': json(200, { ok: true, data: [notaria] }),
      'PATCH /promotores/2': json(200, { ok: true, data: notaria }),
    });
    renderPage();
    const user = userEvent.setup();
    const row = (await screen.findByText('Notaria Gonzales')).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Editar' }));
    expect(row.className).toBe('highlight');

    const dialog = screen.getByRole('dialog', { name: 'Editar promotor' });
    await user.type(within(dialog).getByLabelText('Celular'), '987654321');
    await user.click(within(dialog).getByRole('button', { name: 'Guardar' }));

    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.key === 'PATCH /promotores/2')?.body).toEqual({
      tipo_promotor: 'EMPRESA', razon_social: 'Notaria Gonzales', ruc: '20123456789', celular_1: '987654321',
      fuente_promotor: 'notarias',
    });
    expect(calls.filter((c) => c.key === 'GET /promotores')).toHaveLength(2);
  });

  it('deletes only after the confirm and shows the conflict the API answers', async () => {
    stubApi({
      'GET /promotores': json(200, { ok: true, data: [notaria] }),
      'DELETE /promotores/2': json(409, { ok: false, error: { code: 'CONFLICT',
        message: 'No se puede eliminar: el promotor tiene 1 solicitud(es) vinculada(s)' } }),
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Eliminar' }));

    expect(confirm).toHaveBeenCalledWith('Eliminar este promotor?');
    expect((await screen.findByRole('alert')).textContent)
      .toBe('No se puede eliminar: el promotor tiene 1 solicitud(es) vinculada(s)');
  });
});
