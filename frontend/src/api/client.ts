import type {
  AdminUser, Empleado, ListMeta, NuevaSolicitud, NuevoUsuario, Permisos, Promotor, PromotorInput, Reporte,
  ReporteFiltros, Rol, Servicio, SolicitudDetail, SolicitudListItem, TipoArchivo, User, UsuarioCambios,
} from './types';

/** The API's origin: empty means the SPA's own origin (gateway-api serves both locally). */
export const API_URL: string = (import.meta.env.VITE_API_URL ?? '').replace(/\/$/, '');

/** Any non-2xx answer, read from the API's one error envelope (api.md §2.2). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | null;
  /** The envelope's message; null when the body carried none (the caller picks its fallback text). */
  readonly apiMessage: string | null;
  /** 422 details keyed by payload path (`cliente.numero_documento` → message). */
  readonly fieldErrors: Record<string, string>;

  constructor(status: number, code: string | null, apiMessage: string | null, fieldErrors: Record<string, string> = {}) {
    super(apiMessage ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.apiMessage = apiMessage;
    this.fieldErrors = fieldErrors;
  }
}

/** Status 0: the request never got an answer (network down, server unreachable). */
export const NETWORK_ERROR = 0;

/** The message of an error for the user: the API's own text, else the page's fallback. */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError && error.apiMessage ? error.apiMessage : fallback;
}

/** A failed call's 422 details by field; none for any other error. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors : {};
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** Installed by the auth provider: a 401 mid-session ends it (ui.md §11). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

interface Envelope<T> { ok: boolean; data?: T; meta?: ListMeta; message?: string; version?: string; status?: string }

export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy's HTML page, an empty body): the caller's fallback text is used
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const fieldErrors: Record<string, string> = {};
  if (Array.isArray(error?.details)) {
    for (const d of error.details as { field?: unknown; message?: unknown }[]) {
      if (typeof d?.field === 'string' && typeof d?.message === 'string' && !(d.field in fieldErrors)) {
        fieldErrors[d.field] = d.message;
      }
    }
  }
  return new ApiError(
    response.status,
    typeof error?.code === 'string' ? error.code : null,
    typeof error?.message === 'string' && error.message ? error.message : null,
    fieldErrors,
  );
}

interface CallOptions {
  body?: unknown;
  form?: FormData;
  /** Calls whose 401 is an answer, not an expired session (login, the start-up session check). */
  ignoreUnauthorized?: boolean;
}

async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<Envelope<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form; // the browser writes the multipart boundary
  } else {
    headers['Content-Type'] = 'application/json';
    if (options.body !== undefined) body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(API_URL + path, { method, headers, body, credentials: 'include' });
  } catch {
    throw new ApiError(NETWORK_ERROR, null, null);
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    if (response.status === 401 && !options.ignoreUnauthorized) onUnauthorized();
    throw error;
  }
  try {
    return (await response.json()) as Envelope<T>;
  } catch {
    throw new ApiError(response.status, null, null);
  }
}

async function data<T>(method: string, path: string, options?: CallOptions): Promise<T> {
  return (await call<T>(method, path, options)).data as T;
}

function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface ListaParams {
  page?: number;
  page_size?: number;
  q?: string;
  estado_operativo?: string;
  mine?: boolean;
}

/** The workflow endpoints that take a body and answer the fresh detail. */
export type AccionEndpoint =
  | 'asignar-gestor' | 'cambiar-gestor' | 'asignar-medico' | 'cambiar-medico'
  | 'registrar-pago' | 'cerrar' | 'cancelar' | 'override';

export const api = {
  health: () => call<never>('GET', '/health', { ignoreUnauthorized: true }),
  version: async () => (await call<never>('GET', '/version', { ignoreUnauthorized: true })).version ?? null,

  me: async () => (await data<{ user: User }>('GET', '/auth/me', { ignoreUnauthorized: true })).user,
  login: async (email: string, password: string) =>
    (await data<{ user: User }>('POST', '/auth/login', { body: { email, password }, ignoreUnauthorized: true })).user,
  logout: () => call<never>('POST', '/auth/logout', { ignoreUnauthorized: true }),

  solicitudes: async (params: ListaParams) => {
    const envelope = await call<{ items: SolicitudListItem[] }>('GET', `/solicitudes${query({ ...params })}`);
    return { items: envelope.data?.items ?? [], meta: envelope.meta as ListMeta };
  },
  solicitud: (id: number | string) => data<SolicitudDetail>('GET', `/solicitudes/${id}`),
  crearSolicitud: (body: NuevaSolicitud) =>
    data<{ solicitud_id: number; codigo: string }>('POST', '/solicitudes', { body }),
  editarSolicitud: (id: number, cambios: Record<string, unknown>) =>
    data<SolicitudDetail>('PATCH', `/solicitudes/${id}`, { body: cambios }),
  accion: (id: number, endpoint: AccionEndpoint, body: Record<string, unknown>) =>
    data<SolicitudDetail>('POST', `/solicitudes/${id}/${endpoint}`, { body }),
  eliminarSolicitud: (id: number) => call<never>('DELETE', `/solicitudes/${id}`),

  subirArchivo: (solicitudId: number, file: File, tipo: TipoArchivo) => {
    const form = new FormData();
    form.append('file', file);
    form.append('tipo_archivo', tipo);
    return data<{ archivo_id: number }>('POST', `/solicitudes/${solicitudId}/archivos`, { form });
  },
  /** The download is a plain link: the browser sends the cookie and saves the attachment. */
  archivoUrl: (archivoId: number) => `${API_URL}/archivos/${archivoId}`,
  eliminarArchivo: (archivoId: number) => call<never>('DELETE', `/archivos/${archivoId}`),

  promotores: () => data<Promotor[]>('GET', '/promotores'),
  crearPromotor: (body: PromotorInput) => data<Promotor>('POST', '/promotores', { body }),
  editarPromotor: (id: number, body: Partial<PromotorInput>) => data<Promotor>('PATCH', `/promotores/${id}`, { body }),
  eliminarPromotor: (id: number) => call<never>('DELETE', `/promotores/${id}`),

  empleados: (rol: Rol) => data<Empleado[]>('GET', `/empleados${query({ rol })}`),
  servicios: () => data<Servicio[]>('GET', '/servicios'),

  usuarios: () => data<AdminUser[]>('GET', '/admin/usuarios'),
  crearUsuario: (body: NuevoUsuario) => data<AdminUser>('POST', '/admin/usuarios', { body }),
  editarUsuario: (id: number, body: UsuarioCambios) => data<AdminUser>('PATCH', `/admin/usuarios/${id}`, { body }),
  resetPassword: (id: number, newPassword: string) =>
    call<never>('POST', `/admin/usuarios/${id}/reset-password`, { body: { new_password: newPassword } }),
  permisos: () => data<Permisos>('GET', '/admin/permisos'),
  reportes: (filtros: ReporteFiltros) => data<Reporte>('GET', `/admin/reportes${query({ ...filtros })}`),
};
