import { ESTADOS_OPERATIVOS, type EstadoOperativo } from '../api/types';

export const PAGE_SIZE = 20;

export interface ListaFiltros { page: number; q: string; estado: EstadoOperativo | '' }

/** The list's state as the URL holds it (ui.md §7.1): bad values fall back to the defaults. */
export function leerFiltros(search: URLSearchParams): ListaFiltros {
  const page = Number(search.get('page'));
  const estado = search.get('estado_operativo') ?? '';
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    q: (search.get('q') ?? '').trim(),
    estado: (ESTADOS_OPERATIVOS as string[]).includes(estado) ? (estado as EstadoOperativo) : '',
  };
}

/** The URL query for a list state; defaults are left out. */
export function escribirFiltros(filtros: ListaFiltros): URLSearchParams {
  const search = new URLSearchParams();
  if (filtros.page > 1) search.set('page', String(filtros.page));
  if (filtros.q) search.set('q', filtros.q);
  if (filtros.estado) search.set('estado_operativo', filtros.estado);
  return search;
}

export function totalPaginas(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}
