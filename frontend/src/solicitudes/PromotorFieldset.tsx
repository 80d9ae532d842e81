import { TIPOS_DOCUMENTO, type Promotor } from '../api/types';
import { FUENTES } from '../promotores/fuentes';
import { FieldError } from '../shared/FieldError';
import { TIPOS_PROMOTOR, type PromotorForm } from '../promotores/promotorForm';
import type { OpcionPromotor } from './nuevaSolicitud';

interface Props {
  promotores: Promotor[];
  opcion: OpcionPromotor;
  promotorId: string;
  promotor: PromotorForm;
  fieldErrors: Record<string, string>;
  onOpcion: (opcion: OpcionPromotor) => void;
  onPromotorId: (id: string) => void;
  onPromotor: (promotor: PromotorForm) => void;
}

function promotorOpcionLabel(p: Promotor): string {
  return `${p.nombre} (${p.tipo_promotor})${p.fuente_promotor ? ` — ${p.fuente_promotor}` : ''}`;
}

export function PromotorFieldset(props: Props) {
  const { promotores, opcion, promotorId, promotor, fieldErrors } = props;
  const set = (key: keyof PromotorForm, value: string) => props.onPromotor({ ...promotor, [key]: value });
  const text = (key: keyof PromotorForm, label: string, extra: { placeholder?: string; type?: string } = {}) => (
    <label className="field">
      <span>{label}</span>
      <input type={extra.type ?? 'text'} placeholder={extra.placeholder} value={promotor[key]}
             onChange={(e) => set(key, e.target.value)} />
      <FieldError message={fieldErrors[`promotor.${key}`]} />
    </label>
  );

  return (
    <fieldset className="fs-green">
      <legend>Promotor (opcional)</legend>
      <div className="form-grid">
        <label className="field">
          <span>Opcion</span>
          <select value={opcion} onChange={(e) => props.onOpcion(e.target.value as OpcionPromotor)}>
            <option value="ninguno">Sin promotor</option>
            {promotores.length > 0 && <option value="existente">Seleccionar existente</option>}
            <option value="nuevo">Registrar nuevo promotor</option>
          </select>
        </label>
        {opcion === 'existente' && (
          <label className="field">
            <span>Seleccionar promotor</span>
            <select value={promotorId} onChange={(e) => props.onPromotorId(e.target.value)}>
              <option value="">-- Seleccionar --</option>
              {promotores.map((p) => <option key={p.promotor_id} value={p.promotor_id}>{promotorOpcionLabel(p)}</option>)}
            </select>
            <FieldError message={fieldErrors.promotor_id} />
          </label>
        )}
      </div>
      {opcion === 'nuevo' && (
        <div className="form-grid" style={{ marginTop: '0.75rem' }}>
          <label className="field">
            <span>Tipo de promotor *</span>
            <select value={promotor.tipo_promotor} onChange={(e) => set('tipo_promotor', e.target.value)}>
              {TIPOS_PROMOTOR.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
            </select>
            <FieldError message={fieldErrors['promotor.tipo_promotor'] ?? fieldErrors.promotor} />
          </label>
          {promotor.tipo_promotor === 'PERSONA' && (
            <>
              {text('nombres', 'Nombres *')}
              {text('apellidos', 'Apellidos *')}
              <label className="field">
                <span>Tipo doc</span>
                <select value={promotor.tipo_documento} onChange={(e) => set('tipo_documento', e.target.value)}>
                  {TIPOS_DOCUMENTO.map((d) => <option key={d} value={d}>{d}</option>)}
                </select>
              </label>
              {text('numero_documento', 'Numero doc', { placeholder: 'Preferido pero no obligatorio' })}
            </>
          )}
          {promotor.tipo_promotor === 'EMPRESA' && text('razon_social', 'Razon social *')}
          {promotor.tipo_promotor === 'OTROS' && text('nombre_promotor_otros', 'Nombre del promotor *')}
          {text('ruc', 'RUC')}
          {text('email', 'Email', { type: 'email' })}
          {text('celular_1', 'Celular')}
          <label className="field">
            <span>Fuente / referencia</span>
            <select value={promotor.fuente_promotor} onChange={(e) => set('fuente_promotor', e.target.value)}>
              <option value="">Seleccione fuente</option>
              {FUENTES.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
            </select>
          </label>
        </div>
      )}
    </fieldset>
  );
}
