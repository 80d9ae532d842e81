import type { Permisos } from '../api/types';

export interface MatrizPermisos {
  /** Column order: the roles as the response lists them. */
  roles: string[];
  /** One row per state found under any role, in order of first appearance; a cell per role. */
  filas: { estado: string; celdas: string[][] }[];
}

/** GET /admin/permisos (role → state → actions) turned into states-by-roles rows (ui.md §9). */
export function matrizPermisos(permisos: Permisos): MatrizPermisos {
  const roles = Object.keys(permisos);
  const estados: string[] = [];
  for (const rol of roles) {
    for (const estado of Object.keys(permisos[rol] ?? {})) {
      if (!estados.includes(estado)) estados.push(estado);
    }
  }
  return {
    roles,
    filas: estados.map((estado) => ({ estado, celdas: roles.map((rol) => permisos[rol]?.[estado] ?? []) })),
  };
}
