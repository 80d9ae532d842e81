import { useState } from 'react';
import type { Permisos } from '../api/types';
import { matrizPermisos } from './permisos';

/** The policy in force, read-only and collapsed by default (ui.md §9). */
export function PermisosMatriz({ permisos }: { permisos: Permisos }) {
  const [abierto, setAbierto] = useState(false);
  const matriz = matrizPermisos(permisos);
  return (
    <section className="section permisos">
      <button type="button" className="btn btn-link permisos-toggle" aria-expanded={abierto}
              aria-controls="permisos-matriz" onClick={() => setAbierto((a) => !a)}>
        {abierto ? '▼ Permisos por Rol' : '▶ Permisos por Rol'}
      </button>
      {abierto && (
        <div id="permisos-matriz">
          <p className="muted small">
            Matriz de acciones permitidas por rol y estado operativo. Se configura en el servidor; aqui solo se consulta.
          </p>
          {/* focusable so that a keyboard can scroll it: it holds no controls of its own */}
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Matriz de permisos por rol">
            <table className="table">
              <thead>
                <tr><th>Estado</th>{matriz.roles.map((rol) => <th key={rol}>{rol}</th>)}</tr>
              </thead>
              <tbody>
                {matriz.filas.map((fila) => (
                  <tr key={fila.estado}>
                    <th scope="row" className="nowrap">{fila.estado}</th>
                    {fila.celdas.map((acciones, i) => (
                      <td key={matriz.roles[i]}>
                        {acciones.length === 0 ? '—' : acciones.map((a) => <span key={a} className="chip">{a}</span>)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
