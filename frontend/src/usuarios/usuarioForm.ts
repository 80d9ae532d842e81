import { ROLES, type AdminUser, type NuevoUsuario, type Rol, type UsuarioCambios } from '../api/types';
import { clean } from '../shared/format';

export interface NuevoUsuarioForm {
  user_email: string;
  password: string;
  nombres: string;
  apellidos: string;
  tipo_documento: NuevoUsuario['tipo_documento'];
  numero_documento: string;
  telefono: string;
  roles: Rol[];
}

export function emptyNuevoUsuario(): NuevoUsuarioForm {
  return { user_email: '', password: '', nombres: '', apellidos: '', tipo_documento: 'DNI', numero_documento: '', telefono: '', roles: [] };
}

/** POST /admin/usuarios; the password is sent as typed, `telefono` only when given (ui.md §9). */
export function nuevoUsuarioBody(form: NuevoUsuarioForm): NuevoUsuario {
  const body: NuevoUsuario = {
    user_email: form.user_email.trim(),
    password: form.password,
    nombres: form.nombres.trim(),
    apellidos: form.apellidos.trim(),
    tipo_documento: form.tipo_documento,
    numero_documento: form.numero_documento.trim(),
    roles: ordenados(form.roles),
  };
  const telefono = clean(form.telefono);
  if (telefono) body.telefono = telefono;
  return body;
}

/** The text fields of `Editar: <email>`, named as in AdminUserDTO and the PATCH body. */
const CAMPOS_EDITABLES = [
  'nombres', 'apellidos', 'telefono', 'celular_2', 'telefono_fijo', 'email', 'fecha_nacimiento', 'direccion', 'comentario',
] as const;
type CampoEditable = (typeof CAMPOS_EDITABLES)[number];

export type EditarUsuarioForm = Record<CampoEditable, string> & { roles: Rol[] };

export function editarUsuarioForm(user: AdminUser): EditarUsuarioForm {
  const form = { roles: [...user.roles] } as EditarUsuarioForm;
  for (const campo of CAMPOS_EDITABLES) form[campo] = user[campo] ?? '';
  return form;
}

/**
 * The PATCH of `Editar`: only what changed, roles compared as sets. A blank field is left out — the
 * API treats null/absent as unchanged and the SPA never sends `""` (api.md §1), so it cannot clear one.
 */
export function usuarioCambios(user: AdminUser, form: EditarUsuarioForm): UsuarioCambios {
  const cambios: UsuarioCambios = {};
  for (const campo of CAMPOS_EDITABLES) {
    const value = clean(form[campo]);
    if (value !== undefined && value !== (user[campo] ?? '')) cambios[campo] = value;
  }
  if (!mismosRoles(user.roles, form.roles)) cambios.roles = ordenados(form.roles);
  return cambios;
}

function mismosRoles(a: Rol[], b: Rol[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((r) => sb.has(r));
}

/** Roles in the checkboxes' order, without repeats. */
function ordenados(roles: Rol[]): Rol[] {
  return ROLES.filter((r) => roles.includes(r));
}

export function alternarRol(roles: Rol[], rol: Rol): Rol[] {
  return roles.includes(rol) ? roles.filter((r) => r !== rol) : ordenados([...roles, rol]);
}

export function documento(user: AdminUser): string {
  return [user.tipo_documento, user.numero_documento].filter(Boolean).join(' ') || '-';
}
