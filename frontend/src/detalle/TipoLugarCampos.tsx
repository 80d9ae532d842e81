import { TIPOS_ATENCION, type TipoLugarForm } from './formularios';
import { OpcionesSinDefinir } from './OpcionesSinDefinir';

/** `Tipo atencion` and `Lugar atencion`, as the tipo/lugar mini-form and the override's EDITAR_DATOS show them. */
export function TipoLugarCampos({ value, onChange }: { value: TipoLugarForm; onChange: (value: TipoLugarForm) => void }) {
  return (
    <>
      <label className="field">
        <span>Tipo atencion</span>
        <select value={value.tipo_atencion} onChange={(e) => onChange({ ...value, tipo_atencion: e.target.value })}>
          <OpcionesSinDefinir valores={TIPOS_ATENCION} />
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
