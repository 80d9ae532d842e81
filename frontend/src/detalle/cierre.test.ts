import { describe, expect, it } from 'vitest';
import { faltantesCierre } from './cierre';
import { detalle, enEstado, GESTOR, MEDICO, PAGO } from './detalle.fixture';

describe('faltantesCierre', () => {
  it.each([
    ['a new request lacks everything', detalle(),
      ['Gestor asignado', 'Tipo de atencion', 'Al menos 1 pago registrado', 'Medico asignado', 'Estado de certificado']],
    ['a doctor-assigned request lacks tipo and certificate (J3 step 5)', enEstado('ASIGNADO_MEDICO'),
      ['Tipo de atencion', 'Estado de certificado']],
    ['a paid request without doctor', enEstado('PAGADO', [], { tipo_atencion: 'VIRTUAL', estado_certificado: 'APROBADO' }),
      ['Medico asignado']],
    ['a complete request lacks nothing',
      detalle({ asignaciones_vigentes: { GESTOR, MEDICO }, tipo_atencion: 'PRESENCIAL', pagos: [PAGO], estado_certificado: 'OBSERVADO' }),
      []],
  ])('%s', (_caso, d, esperado) => {
    expect(faltantesCierre(d)).toEqual(esperado);
  });
});
