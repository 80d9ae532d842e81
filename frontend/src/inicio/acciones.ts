import type { Rol } from '../api/types';

export interface AccionRapida { label: string; to: string }

const REGISTRAR: AccionRapida = { label: 'Registrar solicitud', to: '/app/solicitudes/nueva' };
const VER: AccionRapida = { label: 'Ver solicitudes', to: '/app/solicitudes' };
const USUARIOS: AccionRapida = { label: 'Administrar usuarios', to: '/app/usuarios' };

const POR_ROL: Record<Rol, AccionRapida[]> = {
  OPERADOR: [REGISTRAR, VER],
  GESTOR: [VER],
  MEDICO: [VER],
  ADMIN: [VER, REGISTRAR, USUARIOS],
};

/** Inicio's quick actions: the roles' buttons in role order, each target once (ui.md §6). */
export function accionesRapidas(roles: Rol[]): AccionRapida[] {
  const seen = new Set<string>();
  return roles.flatMap((rol) => POR_ROL[rol] ?? []).filter((a) => !seen.has(a.to) && !!seen.add(a.to));
}

export const DESCRIPCION_ROL: Record<Rol, string> = {
  OPERADOR: 'Como operador registras las solicitudes de los clientes y les asignas un gestor para que las siga.',
  GESTOR: 'Como gestor sigues las solicitudes que tienes asignadas, registras el pago del cliente con su evidencia y, una vez pagada, asignas al medico.',
  MEDICO: 'Como medico atiendes las evaluaciones que tienes asignadas, registras el tipo de atencion y el estado del certificado, y cierras la solicitud.',
  ADMIN: 'Como administrador tienes acceso completo a las solicitudes, los usuarios y los reportes de supervision, y puedes corregir (override) solicitudes cerradas o canceladas.',
};
