import { ROLES, type Rol } from '../api/types';
import { FieldError } from '../shared/FieldError';
import { alternarRol } from './usuarioForm';

/** The role checkboxes of both user modals. */
export function RolesField({ legend, value, onChange, error }: {
  legend: string;
  value: Rol[];
  onChange: (roles: Rol[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="roles-field full">
      <legend>{legend}</legend>
      <div className="roles-checks">
        {ROLES.map((rol) => (
          <label key={rol} className="checkbox">
            <input type="checkbox" checked={value.includes(rol)} onChange={() => onChange(alternarRol(value, rol))} />
            {rol}
          </label>
        ))}
      </div>
      <FieldError message={error} />
    </fieldset>
  );
}

const ROL_CLASS: Record<Rol, string> = {
  ADMIN: 'rol-admin',
  OPERADOR: 'rol-operador',
  GESTOR: 'rol-gestor',
  MEDICO: 'rol-medico',
};

export function RolPill({ rol }: { rol: Rol }) {
  return <span className={`pill ${ROL_CLASS[rol] ?? ''}`}>{rol}</span>;
}
