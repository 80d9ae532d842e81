import { describe, expect, it } from 'vitest';
import { detalle } from './detalle.fixture';
import {
  cambiados, comentarioBody, datosIniciales, overrideBody, overrideDatosIniciales, overrideDatosPayload, pagoCompleto,
  pagoInicial, pagoPayload, tipoLugarInicial,
} from './formularios';

describe('cambiados (blank = unchanged, OP-13)', () => {
  const inicial = { a: 'uno', b: '', c: 'tres' };
  it.each([
    ['nothing touched', { a: 'uno', b: '', c: 'tres' }, {}],
    ['a value changed', { a: 'UNO', b: '', c: 'tres' }, { a: 'UNO' }],
    ['an empty field typed into', { a: 'uno', b: 'dos', c: 'tres' }, { b: 'dos' }],
    ['a field emptied is not sent', { a: '', b: '', c: 'tres' }, {}],
    ['spaces are trimmed', { a: ' uno ', b: '  ', c: ' nuevo ' }, { c: 'nuevo' }],
  ])('%s', (_caso, actual, esperado) => {
    expect(cambiados(inicial, actual)).toEqual(esperado);
  });
});

describe('Editar datos', () => {
  const d = detalle({
    comentario: 'nota',
    apoderado: {
      persona_id: 32, tipo_documento: 'DNI', numero_documento: '40000001', nombres: 'Luis', apellidos: 'Quispe',
      celular_1: '999', email: 'luis@x.pe', fecha_nacimiento: null, direccion: null,
    },
  });

  it('starts names and the client e-mail empty and prefills the rest', () => {
    expect(datosIniciales(d)).toEqual({
      cliente_nombres: '', cliente_apellidos: '', cliente_celular: '987654321', cliente_email: '',
      cliente_fecha_nacimiento: '1980-05-14', cliente_direccion: 'Av. Sol 123',
      apoderado_nombres: '', apoderado_apellidos: '', apoderado_celular: '999', apoderado_email: 'luis@x.pe',
      apoderado_fecha_nacimiento: '', apoderado_direccion: '', comentario: 'nota',
    });
  });

  it('sends only the changed fields', () => {
    const inicial = datosIniciales(d);
    expect(cambiados(inicial, { ...inicial, cliente_celular: '911', cliente_email: 'r@x.pe', apoderado_direccion: 'Jr. 1' }))
      .toEqual({ cliente_celular: '911', cliente_email: 'r@x.pe', apoderado_direccion: 'Jr. 1' });
  });

  it('prefills tipo/lugar from the request', () => {
    expect(tipoLugarInicial(detalle({ tipo_atencion: 'VIRTUAL', lugar_atencion: null })))
      .toEqual({ tipo_atencion: 'VIRTUAL', lugar_atencion: '' });
  });
});

describe('Registrar pago', () => {
  it('defaults to YAPE, today, PEN and no amount', () => {
    expect(pagoInicial('2026-02-01')).toEqual({
      canal_pago: 'YAPE', fecha_pago: '2026-02-01', monto: '', moneda: 'PEN', referencia_transaccion: '', comentario: '',
    });
  });

  it.each([
    ['no amount', { monto: '', fecha_pago: '2026-02-01' }, false],
    ['no date', { monto: '200', fecha_pago: '' }, false],
    ['both', { monto: '200', fecha_pago: '2026-02-01' }, true],
  ])('is complete with %s: %s', (_caso, campos, esperado) => {
    expect(pagoCompleto({ ...pagoInicial(), ...campos })).toBe(esperado);
  });

  it.each([
    ['optional texts left out', {}, { canal_pago: 'YAPE', fecha_pago: '2026-02-01', monto: 200, moneda: 'PEN' }],
    ['optional texts trimmed and sent', { referencia_transaccion: ' OP-E2E-1 ', comentario: 'parcial', moneda: 'USD' as const },
      { canal_pago: 'YAPE', fecha_pago: '2026-02-01', monto: 200, moneda: 'USD', referencia_transaccion: 'OP-E2E-1', comentario: 'parcial' }],
  ])('payload: %s', (_caso, campos, esperado) => {
    expect(pagoPayload({ ...pagoInicial('2026-02-01'), monto: '200', ...campos })).toEqual(esperado);
  });
});

describe('cerrar / cancelar body', () => {
  it.each([['', {}], ['   ', {}], [' Cliente desistio ', { comentario: 'Cliente desistio' }]])('%j → %j', (texto, esperado) => {
    expect(comentarioBody(texto)).toEqual(esperado);
  });
});

describe('override (OP-1)', () => {
  const d = detalle({ tipo_atencion: 'VIRTUAL', lugar_atencion: 'Sede', estado_certificado: 'APROBADO' });

  it('prefills EDITAR_DATOS with the solicitud-level fields only', () => {
    expect(overrideDatosIniciales(d)).toEqual({
      tipo_atencion: 'VIRTUAL', lugar_atencion: 'Sede', comentario: '', servicio_id: '1', estado_certificado: 'APROBADO',
    });
  });

  it.each([
    ['a new place', { lugar_atencion: 'Sede Norte' }, { lugar_atencion: 'Sede Norte' }],
    ['another service, as a number', { servicio_id: '2' }, { servicio_id: 2 }],
    ['nothing changed', {}, {}],
  ])('EDITAR_DATOS payload: %s', (_caso, campos, esperado) => {
    const inicial = overrideDatosIniciales(d);
    expect(overrideDatosPayload(inicial, { ...inicial, ...campos })).toEqual(esperado);
  });

  it('builds {motivo, accion, payload} with the motivo trimmed', () => {
    expect(overrideBody(' Correccion de datos ', 'CAMBIAR_MEDICO', { persona_id_medico: 4 }))
      .toEqual({ motivo: 'Correccion de datos', accion: 'CAMBIAR_MEDICO', payload: { persona_id_medico: 4 } });
  });
});
