import type { Promotor, PromotorInput, TipoPromotor } from '../api/types';
import { clean } from '../shared/format';

/** The promoter modal's fields, all as typed (ui.md §8). */
export interface PromotorForm {
  tipo_promotor: TipoPromotor;
  nombres: string;
  apellidos: string;
  tipo_documento: string;
  numero_documento: string;
  razon_social: string;
  nombre_promotor_otros: string;
  ruc: string;
  email: string;
  celular_1: string;
  fuente_promotor: string;
  comentario: string;
}

type Campo = Exclude<keyof PromotorForm, 'tipo_promotor'>;

/** The fields each type shows (and sends); the others stay out of the body even when typed before a type change. */
const CAMPOS_DEL_TIPO: Record<TipoPromotor, Campo[]> = {
  PERSONA: ['nombres', 'apellidos', 'tipo_documento', 'numero_documento'],
  EMPRESA: ['razon_social'],
  OTROS: ['nombre_promotor_otros'],
};

const CAMPOS_COMUNES: Campo[] = ['ruc', 'email', 'celular_1', 'fuente_promotor', 'comentario'];

export const TIPOS_PROMOTOR: { value: TipoPromotor; label: string }[] = [
  { value: 'PERSONA', label: 'Persona' },
  { value: 'EMPRESA', label: 'Empresa' },
  { value: 'OTROS', label: 'Otros' },
];

export function emptyPromotorForm(): PromotorForm {
  return {
    tipo_promotor: 'PERSONA', nombres: '', apellidos: '', tipo_documento: '', numero_documento: '',
    razon_social: '', nombre_promotor_otros: '', ruc: '', email: '', celular_1: '', fuente_promotor: '', comentario: '',
  };
}

/** The edit modal's starting values: a PERSONA promoter's names and document live on its persona. */
export function promotorForm(p: Promotor): PromotorForm {
  return {
    tipo_promotor: p.tipo_promotor,
    nombres: p.persona_nombres ?? '',
    apellidos: p.persona_apellidos ?? '',
    tipo_documento: p.persona_tipo_documento ?? '',
    numero_documento: p.persona_numero_documento ?? '',
    razon_social: p.razon_social ?? '',
    nombre_promotor_otros: p.nombre_promotor_otros ?? '',
    ruc: p.ruc ?? '',
    email: p.email ?? '',
    celular_1: p.celular_1 ?? '',
    fuente_promotor: p.fuente_promotor ?? '',
    comentario: p.comentario ?? '',
  };
}

/**
 * The body of both POST and PATCH /promotores: `tipo_promotor` plus every non-empty field of the type.
 * Blank fields are left out, so an edit cannot clear a value (OP-13) and a blank required field is
 * reported by the API.
 */
export function promotorBody(form: PromotorForm): PromotorInput {
  const body: PromotorInput = { tipo_promotor: form.tipo_promotor };
  for (const campo of [...CAMPOS_DEL_TIPO[form.tipo_promotor], ...CAMPOS_COMUNES]) {
    const value = clean(form[campo]);
    if (value !== undefined) body[campo] = value;
  }
  return body;
}
