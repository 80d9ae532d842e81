import { describe, expect, it } from 'vitest';
import type { Promotor } from '../api/types';
import { emptyPromotorForm, promotorBody, promotorForm, type PromotorForm } from './promotorForm';

const form = (over: Partial<PromotorForm>): PromotorForm => ({ ...emptyPromotorForm(), ...over });

describe('promotorBody', () => {
  it.each<[string, Partial<PromotorForm>, object]>([
    ['sends only the type for an untouched form', {}, { tipo_promotor: 'PERSONA' }],
    ['sends a PERSONA with names and document',
      { nombres: ' Pedro ', apellidos: 'Paz', tipo_documento: 'DNI', numero_documento: '41234567' },
      { tipo_promotor: 'PERSONA', nombres: 'Pedro', apellidos: 'Paz', tipo_documento: 'DNI', numero_documento: '41234567' }],
    ['sends an EMPRESA with its razon social and leaves out fields of other types',
      { tipo_promotor: 'EMPRESA', razon_social: 'Clinica SAC', nombres: 'typed before switching', nombre_promotor_otros: 'x' },
      { tipo_promotor: 'EMPRESA', razon_social: 'Clinica SAC' }],
    ['sends an OTROS with its name and the common fields',
      { tipo_promotor: 'OTROS', nombre_promotor_otros: 'Feria', ruc: '20123456789', email: 'a@b.pe',
        celular_1: '999', fuente_promotor: 'redes sociales', comentario: 'ok' },
      { tipo_promotor: 'OTROS', nombre_promotor_otros: 'Feria', ruc: '20123456789', email: 'a@b.pe',
        celular_1: '999', fuente_promotor: 'redes sociales', comentario: 'ok' }],
    ['omits blank and whitespace-only fields (blank = unchanged on edit, reported by the API on create)',
      { tipo_promotor: 'OTROS', nombre_promotor_otros: '   ', celular_1: '', comentario: ' ' },
      { tipo_promotor: 'OTROS' }],
  ])('%s', (_, over, expected) => {
    expect(promotorBody(form(over))).toEqual(expected);
  });
});

describe('promotorForm', () => {
  const base: Promotor = {
    promotor_id: 1, tipo_promotor: 'PERSONA', nombre: 'Luis Reyes', razon_social: null, nombre_promotor_otros: null,
    ruc: null, email: 'l@x.pe', celular_1: '999', fuente_promotor: 'Cliente referente', comentario: null,
    persona_id: 6, persona_nombres: 'Luis', persona_apellidos: 'Reyes', persona_tipo_documento: 'DNI',
    persona_numero_documento: '11111111',
  };

  it('prefills a PERSONA from its persona and turns nulls into blanks', () => {
    expect(promotorForm(base)).toEqual(form({
      nombres: 'Luis', apellidos: 'Reyes', tipo_documento: 'DNI', numero_documento: '11111111',
      email: 'l@x.pe', celular_1: '999', fuente_promotor: 'Cliente referente',
    }));
  });

  it('re-sends every prefilled value on an unchanged edit', () => {
    const empresa: Promotor = { ...base, tipo_promotor: 'EMPRESA', razon_social: 'Notaria', persona_id: null,
      persona_nombres: null, persona_apellidos: null, persona_tipo_documento: null, persona_numero_documento: null };
    expect(promotorBody(promotorForm(empresa))).toEqual({
      tipo_promotor: 'EMPRESA', razon_social: 'Notaria', email: 'l@x.pe', celular_1: '999', fuente_promotor: 'Cliente referente',
    });
  });
});
