import { TIPOS_DOCUMENTO } from '../api/types';
import { FieldError } from '../shared/FieldError';
import type { PersonaForm } from './nuevaSolicitud';

interface Props {
  legend: string;
  className: string;
  /** Payload path of this person (`cliente`, `apoderado`): 422 details name fields under it. */
  path: 'cliente' | 'apoderado';
  value: PersonaForm;
  onChange: (value: PersonaForm) => void;
  fieldErrors: Record<string, string>;
}

const CAMPOS: { key: keyof PersonaForm; label: string; type?: string; payload?: string; full?: boolean }[] = [
  { key: 'numero_documento', label: 'Numero documento *' },
  { key: 'nombres', label: 'Nombres *' },
  { key: 'apellidos', label: 'Apellidos *' },
  { key: 'celular', label: 'Celular' },
  { key: 'email', label: 'Email', type: 'email' },
  { key: 'fecha_nacimiento', label: 'Fecha de nacimiento', type: 'date' },
  { key: 'direccion', label: 'Direccion', full: true },
];

export function PersonaFieldset({ legend, className, path, value, onChange, fieldErrors }: Props) {
  const set = (key: keyof PersonaForm, v: string) => onChange({ ...value, [key]: v });
  const error = (key: string) => fieldErrors[`${path}.${key}`];
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      <div className="form-grid">
        <label className="field">
          <span>Tipo documento *</span>
          <select value={value.tipo_documento} onChange={(e) => set('tipo_documento', e.target.value)}>
            {TIPOS_DOCUMENTO.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
          <FieldError message={error('tipo_documento')} />
        </label>
        {CAMPOS.map((c) => (
          <label key={c.key} className={`field${c.full ? ' full' : ''}`}>
            <span>{c.label}</span>
            <input type={c.type ?? 'text'} value={value[c.key]} onChange={(e) => set(c.key, e.target.value)}
                   aria-invalid={error(c.key) ? true : undefined} />
            <FieldError message={error(c.key)} />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
