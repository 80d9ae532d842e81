import type { TipoLugarForm } from './formularios';

/** `Tipo atencion` and `Lugar atencion`, as the tipo/lugar mini-form and the override's EDITAR_DATOS show them. */
export function TipoLugarCampos({ value, onChange }: { value: TipoLugarForm; onChange: (value: TipoLugarForm) => void }) {
  return (
    <>
      <label className="field">
        <span>Tipo atencion</span>
        <select value={value.tipo_atencion} onChange={(e) => onChange({ ...value, tipo_atencion: e.target.value })}>
          <option value="">Sin definir</option>
          <option value="VIRTUAL">VIRTUAL</option>
          <option value="PRESENCIAL">PRESENCIAL</option>
        </select>
      </label>
      <label className="field">
        <span>Lugar atencion</span>
        <input type="text" placeholder="Ej: Consultorio Lima Norte" value={value.lugar_atencion}
               onChange={(e) => onChange({ ...value, lugar_atencion: e.target.value })} />
      </label>
    </>
  );
}
