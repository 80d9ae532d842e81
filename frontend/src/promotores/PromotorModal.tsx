import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api, errorMessage, fieldErrorsOf } from '../api/client';
import type { Promotor, TipoPromotor } from '../api/types';
import { Alert } from '../shared/Feedback';
import { FieldError } from '../shared/FieldError';
import { Modal } from '../shared/Modal';
import { FUENTES } from './fuentes';
import { emptyPromotorForm, promotorBody, promotorForm, TIPOS_PROMOTOR, type PromotorForm } from './promotorForm';

const DOCUMENTOS_PERSONA = [
  { value: 'DNI', label: 'DNI' },
  { value: 'CE', label: 'CE' },
  { value: 'PASAPORTE', label: 'Pasaporte' },
  { value: 'RUC', label: 'RUC' },
];

interface Props {
  /** The promoter being edited; absent for `Nuevo promotor`. */
  promotor?: Promotor;
  onClose: () => void;
  onSaved: () => void;
}

/** Create or edit one promoter (ui.md §8); its errors stay inside the modal (OP-8). */
export function PromotorModal({ promotor, onClose, onSaved }: Props) {
  const editing = promotor !== undefined;
  const [form, setForm] = useState<PromotorForm>(() => (promotor ? promotorForm(promotor) : emptyPromotorForm()));
  const guardar = useMutation({
    mutationFn: (f: PromotorForm) =>
      promotor ? api.editarPromotor(promotor.promotor_id, promotorBody(f)) : api.crearPromotor(promotorBody(f)),
    onSuccess: onSaved,
  });
  const fieldErrors = fieldErrorsOf(guardar.error);

  function set<K extends keyof PromotorForm>(key: K, value: PromotorForm[K]) {
    setForm((f) => ({ ...f, [key]: value }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    guardar.mutate(form);
  }

  const text = (key: Exclude<keyof PromotorForm, 'tipo_promotor'>, label: string,
    extra: { type?: string; placeholder?: string; disabled?: boolean; full?: boolean } = {}) => (
    <label className={`field${extra.full ? ' full' : ''}`}>
      <span>{label}</span>
      <input type={extra.type ?? 'text'} value={form[key]} placeholder={extra.placeholder} disabled={extra.disabled}
             onChange={(e) => set(key, e.target.value)} aria-invalid={fieldErrors[key] ? true : undefined} />
      <FieldError message={fieldErrors[key]} />
    </label>
  );

  // a stored source outside the select's list (e.g. seeded data) stays visible and is re-sent unchanged
  const fuenteFueraDeLista = form.fuente_promotor !== '' && !FUENTES.some((f) => f.value === form.fuente_promotor);

  return (
    <Modal title={editing ? 'Editar promotor' : 'Nuevo promotor'} onClose={onClose}>
      <form onSubmit={submit} className="promotor-form">
        {/* the API keeps a promoter's type and document once created */}
        <SelectField label="Tipo" value={form.tipo_promotor} disabled={editing} error={fieldErrors.tipo_promotor}
                     onChange={(v) => set('tipo_promotor', v as TipoPromotor)}>
          {TIPOS_PROMOTOR.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
        </SelectField>

        {form.tipo_promotor === 'PERSONA' && (
          <div className="form-grid">
            {text('nombres', 'Nombres *')}
            {text('apellidos', 'Apellidos *')}
            <SelectField label="Tipo documento" value={form.tipo_documento} disabled={editing}
                         error={fieldErrors.tipo_documento} onChange={(v) => set('tipo_documento', v)}>
              <option value="">-- Opcional --</option>
              {DOCUMENTOS_PERSONA.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
            </SelectField>
            {text('numero_documento', 'Nro documento', { disabled: editing })}
          </div>
        )}
        {form.tipo_promotor === 'EMPRESA' && text('razon_social', 'Razon social *')}
        {form.tipo_promotor === 'OTROS' && text('nombre_promotor_otros', 'Nombre *', { placeholder: 'Nombre del promotor' })}

        <div className="form-grid">
          {text('ruc', 'RUC')}
          {text('email', 'Email', { type: 'email', placeholder: 'correo@ejemplo.com' })}
          {text('celular_1', 'Celular')}
          <SelectField label="Fuente" value={form.fuente_promotor} error={fieldErrors.fuente_promotor}
                       onChange={(v) => set('fuente_promotor', v)}>
            <option value="">Seleccione fuente</option>
            {FUENTES.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
            {fuenteFueraDeLista && <option value={form.fuente_promotor}>{form.fuente_promotor}</option>}
          </SelectField>
          <label className="field full">
            <span>Comentario</span>
            <textarea rows={2} value={form.comentario} onChange={(e) => set('comentario', e.target.value)} />
            <FieldError message={fieldErrors.comentario} />
          </label>
        </div>

        {editing && <p className="muted small">Los campos vacios se dejan sin cambios.</p>}
        {guardar.isError && <Alert kind="error">{errorMessage(guardar.error, 'Error al guardar promotor')}</Alert>}
        <div className="btn-row">
          <button type="submit" className="btn btn-primary" disabled={guardar.isPending}>
            {guardar.isPending ? 'Guardando...' : 'Guardar'}
          </button>
          <button type="button" className="btn btn-outline" onClick={onClose}>Cancelar</button>
        </div>
      </form>
    </Modal>
  );
}

/** A labelled select whose accessible name is its label alone, not the label plus the chosen option. */
function SelectField({ label, value, onChange, disabled, error, children }: {
  label: string; value: string; onChange: (value: string) => void; disabled?: boolean; error?: string; children: ReactNode;
}) {
  const labelId = useId();
  return (
    <label className="field">
      <span id={labelId}>{label}</span>
      <select aria-labelledby={labelId} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
      <FieldError message={error} />
    </label>
  );
}
