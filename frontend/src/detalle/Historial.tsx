import type { HistorialItem } from '../api/types';
import { Empty } from '../shared/Feedback';
import { formatDateTime, orDash } from '../shared/format';
import { TablaScroll } from './TablaScroll';

/** ui.md §7.12, in the API's order (newest first). */
export function Historial({ items }: { items: HistorialItem[] }) {
  return (
    <section className="section" aria-labelledby="historial-titulo">
      <h2 id="historial-titulo">Historial de cambios</h2>
      {items.length === 0 ? <Empty>Sin cambios registrados.</Empty> : (
        <TablaScroll label="Tabla de historial">
          <table className="table">
            <thead>
              <tr><th>Fecha</th><th>Campo</th><th>Anterior</th><th>Nuevo</th><th>Usuario</th><th>Comentario</th></tr>
            </thead>
            <tbody>
              {items.map((h) => (
                <tr key={h.historial_id}>
                  <td className="muted small">{formatDateTime(h.cambiado_en)}</td>
                  <td>{h.campo}</td>
                  <td className="texto">{orDash(h.valor_anterior)}</td>
                  <td className="texto">{orDash(h.valor_nuevo)}</td>
                  <td>{orDash(h.usuario_nombre)}</td>
                  <td className="texto">{h.comentario ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TablaScroll>
      )}
    </section>
  );
}
