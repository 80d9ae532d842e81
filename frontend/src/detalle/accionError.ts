import { ApiError } from '../api/client';

/** The red alert's text for a failed action on the detail page (ui.md §7.13). */
export function accionErrorMessage(error: unknown): string {
  const status = error instanceof ApiError ? error.status : null;
  const api = error instanceof ApiError ? error.apiMessage : null;
  switch (status) {
    case 403: return 'No autorizado para esta accion.';
    case 409: return api ?? 'La solicitud cambio. Recargando...';
    case 422: return api ?? 'Datos invalidos.';
    case 503: return api ?? 'Problema con almacenamiento. Intenta de nuevo.';
    default: return api ?? 'Error al ejecutar accion';
  }
}

/** A 409 means our copy is stale: the page re-fetches while the message stays (OP-7). */
export function esConflicto(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
