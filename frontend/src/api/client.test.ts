import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, errorMessage, setUnauthorizedHandler } from './client';

function answer(status: number, body: unknown, contentType = 'application/json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(text, { status, headers: { 'Content-Type': contentType } });
}

describe('api client', () => {
  const fetchMock = vi.fn();
  const unauthorized = vi.fn();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    setUnauthorizedHandler(unauthorized);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    unauthorized.mockReset();
  });

  it('a 401 from an ordinary call ends the session', async () => {
    fetchMock.mockResolvedValue(answer(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sesion expirada' } }));
    await expect(api.solicitud(5)).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED', apiMessage: 'Sesion expirada' });
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['login', () => api.login('a@b.c', 'x')],
    ['the start-up session check', () => api.me()],
    ['logout', () => api.logout()],
  ])('a 401 from %s is an answer, not an expired session', async (_name, callApi) => {
    fetchMock.mockResolvedValue(answer(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Credenciales invalidas' } }));
    await expect(callApi()).rejects.toBeInstanceOf(ApiError);
    expect(unauthorized).not.toHaveBeenCalled();
  });

  it('other errors do not end the session', async () => {
    fetchMock.mockResolvedValue(answer(403, { ok: false, error: { code: 'FORBIDDEN', message: 'No autorizado' } }));
    await expect(api.usuarios()).rejects.toMatchObject({ status: 403 });
    expect(unauthorized).not.toHaveBeenCalled();
  });

  it('maps 422 details to field errors by payload path, first message per field', async () => {
    fetchMock.mockResolvedValue(answer(422, { ok: false, error: { code: 'VALIDATION_ERROR', message: 'Datos invalidos', details: [
      { field: 'cliente.numero_documento', message: 'Requerido' },
      { field: 'cliente.numero_documento', message: 'Otro' },
      { field: 'servicio_id', message: 'No existe' },
      { message: 'sin campo' },
    ] } }));
    const error = await api.crearSolicitud({ cliente: {} as never }).then(() => null, (e: ApiError) => e);
    expect(error?.fieldErrors).toEqual({ 'cliente.numero_documento': 'Requerido', servicio_id: 'No existe' });
  });

  it('a body that is not JSON gives an error without a message, so the page uses its own text', async () => {
    fetchMock.mockResolvedValue(answer(502, '<html>Bad gateway</html>', 'text/html'));
    const error = await api.promotores().then(() => null, (e: ApiError) => e);
    expect(error).toMatchObject({ status: 502, code: null, apiMessage: null });
    expect(errorMessage(error, 'Error al cargar promotores')).toBe('Error al cargar promotores');
  });

  it('a network failure is status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(api.servicios()).rejects.toMatchObject({ status: 0 });
  });

  it('sends JSON with credentials and leaves empty query values out', async () => {
    fetchMock.mockResolvedValue(answer(200, { ok: true, data: { items: [] }, meta: { page: 2, page_size: 20, total: 0 } }));
    const result = await api.solicitudes({ page: 2, page_size: 20, q: '', estado_operativo: undefined, mine: true });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/solicitudes?page=2&page_size=20&mine=true');
    expect(init).toMatchObject({ method: 'GET', credentials: 'include', headers: { 'Content-Type': 'application/json' } });
    expect(result.meta.page).toBe(2);
  });

  it('uploads as multipart without setting the content type itself', async () => {
    fetchMock.mockResolvedValue(answer(200, { ok: true, data: { archivo_id: 9 } }));
    await api.subirArchivo(3, new File(['x'], 'a.pdf'), 'EVIDENCIA_PAGO');
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/solicitudes/3/archivos');
    expect(init.body).toBeInstanceOf(FormData);
    expect(init.headers['Content-Type']).toBeUndefined();
    expect((init.body as FormData).get('tipo_archivo')).toBe('EVIDENCIA_PAGO');
  });
});
