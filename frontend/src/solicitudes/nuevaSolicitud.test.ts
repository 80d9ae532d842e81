import { describe, expect, it } from 'vitest';
import { construirSolicitud, personaVacia, promotorVacio, type SolicitudForm } from './nuevaSolicitud';

const base = (cambios: Partial<SolicitudForm> = {}): SolicitudForm => ({
  cliente: { ...personaVacia(), numero_documento: ' 45678912 ', nombres: ' Rosa ', apellidos: 'Quispe' },
  incluirApoderado: false, apoderado: personaVacia(), opcionPromotor: 'ninguno', promotorId: '', promotor: promotorVacio(),
  servicioId: '1', serviciosDisponibles: 1, comentario: '', ...cambios,
});

describe('the new-request body (ui.md §7.2)', () => {
  it('sends trimmed client data and leaves empty values out', () => {
    expect(construirSolicitud(base())).toEqual({ body: {
      cliente: { tipo_documento: 'DNI', numero_documento: '45678912', nombres: 'Rosa', apellidos: 'Quispe' },
      servicio_id: 1,
    } });
  });

  it.each([
    ['a blank client document', base({ cliente: { ...personaVacia(), nombres: 'A', apellidos: 'B' } }), 'Complete los datos obligatorios del cliente.'],
    ['blank client names', base({ cliente: { ...personaVacia(), numero_documento: '1', nombres: '  ', apellidos: 'B' } }), 'Complete los datos obligatorios del cliente.'],
    ['an incomplete apoderado', base({ incluirApoderado: true }), 'Complete los datos obligatorios del apoderado.'],
    ['no service chosen among several', base({ servicioId: '', serviciosDisponibles: 2 }), 'Seleccione un servicio.'],
  ])('%s stops the request', (_name, form, error) => {
    expect(construirSolicitud(form)).toEqual({ error });
  });

  it('sends no service when none exists', () => {
    expect(construirSolicitud(base({ servicioId: '', serviciosDisponibles: 0 }))).not.toHaveProperty('body.servicio_id');
  });

  it('sends the apoderado only when included', () => {
    const apoderado = { ...personaVacia(), tipo_documento: 'CE' as const, numero_documento: 'X1', nombres: 'Luis', apellidos: 'Q', celular: '999' };
    expect(construirSolicitud(base({ apoderado }))).not.toHaveProperty('body.apoderado');
    expect(construirSolicitud(base({ apoderado, incluirApoderado: true }))).toHaveProperty('body.apoderado',
      { tipo_documento: 'CE', numero_documento: 'X1', nombres: 'Luis', apellidos: 'Q', celular: '999' });
  });

  it.each([
    ['an existing promoter', { opcionPromotor: 'existente', promotorId: '2' }, { promotor_id: 2 }],
    ['no promoter picked', { opcionPromotor: 'existente', promotorId: '' }, {}],
    ['a new PERSONA without document', { opcionPromotor: 'nuevo', promotor: { ...promotorVacio(), nombres: 'Pe', apellidos: 'Paz', fuente_promotor: 'notarias' } },
      { promotor: { tipo_promotor: 'PERSONA', nombres: 'Pe', apellidos: 'Paz', fuente_promotor: 'notarias' } }],
    ['a new PERSONA with document', { opcionPromotor: 'nuevo', promotor: { ...promotorVacio(), nombres: 'Pe', apellidos: 'Paz', numero_documento: '123' } },
      { promotor: { tipo_promotor: 'PERSONA', nombres: 'Pe', apellidos: 'Paz', tipo_documento: 'DNI', numero_documento: '123' } }],
    ['a new EMPRESA', { opcionPromotor: 'nuevo', promotor: { ...promotorVacio(), tipo_promotor: 'EMPRESA', nombres: 'ignored', razon_social: 'ACME', ruc: '20' } },
      { promotor: { tipo_promotor: 'EMPRESA', razon_social: 'ACME', ruc: '20' } }],
    ['a new OTROS', { opcionPromotor: 'nuevo', promotor: { ...promotorVacio(), tipo_promotor: 'OTROS', nombre_promotor_otros: 'Feria' } },
      { promotor: { tipo_promotor: 'OTROS', nombre_promotor_otros: 'Feria' } }],
  ] as const)('%s', (_name, cambios, expected) => {
    const result = construirSolicitud(base(cambios as Partial<SolicitudForm>));
    expect('body' in result && { promotor: result.body.promotor, promotor_id: result.body.promotor_id })
      .toEqual({ promotor: undefined, promotor_id: undefined, ...expected });
  });

  it('sends a trimmed comment', () => {
    expect(construirSolicitud(base({ comentario: '  urgente ' }))).toHaveProperty('body.comentario', 'urgente');
  });
});
