import { ESTADOS_OPERATIVOS, type Agrupacion, type EstadoOperativo, type ReporteFiltros } from '../api/types';

interface Props {
  filtros: ReporteFiltros;
  onChange: (filtros: ReporteFiltros) => void;
  onExport: () => void;
  canExport: boolean;
  onReset: () => void;
}

/**
 * The header band's controls: every change re-queries at once (no apply button).
 * The selects carry their own aria-label: a wrapping label's name would otherwise include every option's text.
 */
export function FiltrosBar({ filtros, onChange, onExport, canExport, onReset }: Props) {
  const set = <K extends keyof ReporteFiltros>(key: K, value: ReporteFiltros[K]) => onChange({ ...filtros, [key]: value });
  return (
    <div className="reportes-filtros">
      <label className="field">
        <span>Desde</span>
        <input type="date" value={filtros.desde} onChange={(e) => set('desde', e.target.value)} />
      </label>
      <label className="field">
        <span>Hasta</span>
        <input type="date" value={filtros.hasta} onChange={(e) => set('hasta', e.target.value)} />
      </label>
      <label className="field">
        <span>Estado</span>
        <select aria-label="Estado" value={filtros.estado} onChange={(e) => set('estado', e.target.value as EstadoOperativo | '')}>
          <option value="">Todos</option>
          {ESTADOS_OPERATIVOS.map((estado) => <option key={estado} value={estado}>{estado}</option>)}
        </select>
      </label>
      <label className="field">
        <span>Agrupacion</span>
        <select aria-label="Agrupacion" value={filtros.agrupacion} onChange={(e) => set('agrupacion', e.target.value as Agrupacion)}>
          <option value="mensual">Mensual</option>
          <option value="semanal">Semanal</option>
        </select>
      </label>
      <div className="reportes-botones">
        <button type="button" className="btn btn-success" onClick={onExport} disabled={!canExport}>Exportar CSV</button>
        <button type="button" className="btn btn-outline" onClick={onReset}>Reset</button>
      </div>
    </div>
  );
}
