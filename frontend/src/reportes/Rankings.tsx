import { useId, useState } from 'react';
import type { RankingEquipoItem, Reporte } from '../api/types';
import { Empty } from '../shared/Feedback';
import { formatDate } from '../shared/format';

export function RankingPromotores({ items }: { items: Reporte['ranking_promotores'] }) {
  const titleId = useId();
  return (
    <section className="section" aria-labelledby={titleId}>
      <h3 id={titleId}>Ranking Promotores</h3>
      {items.length === 0 ? <Empty>Sin datos de promotores en este rango.</Empty> : (
        // focusable: on a phone the table scrolls sideways and keyboard users must reach it
        <div className="table-wrap" tabIndex={0} role="group" aria-labelledby={titleId}>
          <table className="table">
            <thead>
              <tr><th>Promotor</th><th className="center">Clientes</th><th className="center">Solicitudes</th><th className="center">% Total</th></tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.promotor_id}>
                  <td>{p.nombre}</td>
                  <td className="center">{p.clientes}</td>
                  <td className="center">{p.solicitudes}</td>
                  <td className="center">{p.porcentaje}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

type Rol = keyof Reporte['ranking_equipo'];
const TABS: { rol: Rol; label: string }[] = [
  { rol: 'gestores', label: 'Gestores' },
  { rol: 'medicos', label: 'Medicos' },
  { rol: 'operadores', label: 'Operadores' },
];

function EquipoTable({ items, labelledBy }: { items: RankingEquipoItem[]; labelledBy: string }) {
  if (items.length === 0) return <Empty>Sin datos para este rol en el rango.</Empty>;
  return (
    <div className="table-wrap" tabIndex={0} role="group" aria-labelledby={labelledBy}>
      <table className="table">
        <thead>
          <tr><th>Usuario</th><th className="center">Solicitudes</th><th className="center">Cerradas</th><th>Ultima actividad</th></tr>
        </thead>
        <tbody>
          {items.map((u) => (
            <tr key={u.persona_id}>
              <td>{u.nombre}</td>
              <td className="center">{u.solicitudes}</td>
              <td className="center">{u.cerradas}</td>
              <td>{formatDate(u.ultima_actividad, '—')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RankingEquipo({ equipo }: { equipo: Reporte['ranking_equipo'] }) {
  const [rol, setRol] = useState<Rol>('gestores');
  const titleId = useId();
  return (
    <section className="section" aria-labelledby={titleId}>
      <h3 id={titleId}>Ranking Equipo</h3>
      <div className="btn-row" role="group" aria-label="Rol">
        {TABS.map((tab) => (
          <button key={tab.rol} type="button" aria-pressed={rol === tab.rol}
                  className={`btn btn-sm ${rol === tab.rol ? 'btn-primary' : 'btn-outline'}`}
                  onClick={() => setRol(tab.rol)}>
            {tab.label}
          </button>
        ))}
      </div>
      <EquipoTable items={equipo[rol]} labelledBy={titleId} />
    </section>
  );
}
