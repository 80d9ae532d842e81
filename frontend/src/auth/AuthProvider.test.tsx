import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api } from '../api/client';
import { AuthProvider, useAuth } from './AuthProvider';
import { RequireAuth } from './RequireAuth';

const USER = { user_id: 1, user_email: 'a@cmep.local', estado: 'ACTIVO', roles: ['ADMIN'], permissions_extra: [], display_name: 'Admin Sistema' };

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function Privada() {
  const { user } = useAuth();
  return (
    <div>
      <p>Hola {user?.display_name}</p>
      <button type="button" onClick={() => { api.solicitud(1).catch(() => undefined); }}>Accion</button>
    </div>
  );
}

function renderApp(path: string) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <AuthProvider>
          <Routes>
            <Route path="/login" element={<p>Pagina de login</p>} />
            <Route path="/app" element={<RequireAuth />}>
              <Route index element={<Privada />} />
            </Route>
          </Routes>
        </AuthProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('session state (ui.md §2.2, §11)', () => {
  const fetchMock = vi.fn();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => { vi.unstubAllGlobals(); fetchMock.mockReset(); });

  it('shows Cargando... while the session check runs, then the private page', async () => {
    let answer: (r: Response) => void = () => {};
    fetchMock.mockReturnValueOnce(new Promise<Response>((resolve) => { answer = resolve; }));
    renderApp('/app');
    expect(screen.getByText('Cargando...')).toBeTruthy();
    answer(json(200, { ok: true, data: { user: USER } }));
    expect(await screen.findByText('Hola Admin Sistema')).toBeTruthy();
  });

  it('sends an anonymous visitor of a private page to login', async () => {
    fetchMock.mockResolvedValue(json(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'No autenticado' } }));
    renderApp('/app');
    expect(await screen.findByText('Pagina de login')).toBeTruthy();
  });

  it('a 401 in the middle of a session ends it and lands on login', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { ok: true, data: { user: USER } }));
    renderApp('/app');
    await screen.findByText('Hola Admin Sistema');
    fetchMock.mockResolvedValueOnce(json(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sesion expirada' } }));
    await userEvent.click(screen.getByRole('button', { name: 'Accion' }));
    await waitFor(() => expect(screen.getByText('Pagina de login')).toBeTruthy());
  });
});
