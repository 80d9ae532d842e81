import { describe, expect, it } from 'vitest';
import type { EstadoOperativo } from '../api/types';
import { nodosStepper } from './stepper';

describe('nodosStepper', () => {
  it.each<[EstadoOperativo, string]>([
    ['REGISTRADO', 'C P P P P'],
    ['ASIGNADO_GESTOR', 'V C P P P'],
    ['PAGADO', 'V V C P P'],
    ['ASIGNADO_MEDICO', 'V V V C P'],
    ['CERRADO', 'V V V V V'],
    ['CANCELADO', 'P P P P P'],
  ])('%s → %s (V completed, C current, P pending)', (estado, esperado) => {
    const letra = { completed: 'V', current: 'C', pending: 'P' } as const;
    expect(nodosStepper(estado).map((n) => letra[n.estado]).join(' ')).toBe(esperado);
  });

  it('labels and describes the five nodes in order', () => {
    expect(nodosStepper('REGISTRADO').map((n) => `${n.numero}. ${n.label}: ${n.descripcion}`)).toEqual([
      '1. Registrado: Solicitud creada. Falta asignar un gestor.',
      '2. Gestor asignado: Gestor asignado. Falta registrar el pago.',
      '3. Pagado: Pago registrado. Falta asignar un medico.',
      '4. Medico asignado: Medico asignado. Pendiente de evaluacion y cierre.',
      '5. Cerrado: Solicitud completada y cerrada.',
    ]);
  });
});
