import { describe, expect, it } from 'vitest';
import type { Rol } from '../api/types';
import { accionesRapidas } from './acciones';

describe('Inicio quick actions (ui.md §6)', () => {
  it.each([
    [['OPERADOR'], ['Registrar solicitud', 'Ver solicitudes']],
    [['GESTOR'], ['Ver solicitudes']],
    [['MEDICO'], ['Ver solicitudes']],
    [['ADMIN'], ['Ver solicitudes', 'Registrar solicitud', 'Administrar usuarios']],
    [['GESTOR', 'OPERADOR'], ['Ver solicitudes', 'Registrar solicitud']],
    [['OPERADOR', 'ADMIN'], ['Registrar solicitud', 'Ver solicitudes', 'Administrar usuarios']],
    [[], []],
  ])('roles %j get %j', (roles, labels) => {
    expect(accionesRapidas(roles as Rol[]).map((a) => a.label)).toEqual(labels);
  });
});
