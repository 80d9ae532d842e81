import { describe, expect, it } from 'vitest';
import { matrizPermisos } from './permisos';

describe('matrizPermisos', () => {
  it('puts states as rows and roles as columns, in the order of the response', () => {
    expect(matrizPermisos({
      ADMIN: { REGISTRADO: ['EDITAR_DATOS', 'ASIGNAR_GESTOR'], CERRADO: ['OVERRIDE'] },
      OPERADOR: { REGISTRADO: ['EDITAR_DATOS'], CERRADO: [] },
    })).toEqual({
      roles: ['ADMIN', 'OPERADOR'],
      filas: [
        { estado: 'REGISTRADO', celdas: [['EDITAR_DATOS', 'ASIGNAR_GESTOR'], ['EDITAR_DATOS']] },
        { estado: 'CERRADO', celdas: [['OVERRIDE'], []] },
      ],
    });
  });

  it('lists a state that only some roles mention, with empty cells for the others', () => {
    expect(matrizPermisos({ ADMIN: { PAGADO: ['ASIGNAR_MEDICO'] }, MEDICO: { ASIGNADO_MEDICO: ['CERRAR'] } }).filas).toEqual([
      { estado: 'PAGADO', celdas: [['ASIGNAR_MEDICO'], []] },
      { estado: 'ASIGNADO_MEDICO', celdas: [[], ['CERRAR']] },
    ]);
  });

  it('has no rows for an empty policy', () => {
    expect(matrizPermisos({})).toEqual({ roles: [], filas: [] });
  });
});
