import type { Promotor, TipoPromotor } from '../api/types';
import { orDash } from '../shared/format';

const TIPO_CLASS: Record<TipoPromotor, string> = {
  PERSONA: 'pill-persona',
  EMPRESA: 'pill-empresa',
  OTROS: 'pill-otros',
};

interface Props {
  promotores: Promotor[];
  editingId: number | null;
  deletingId: number | null;
  onEdit: (p: Promotor) => void;
  onDelete: (p: Promotor) => void;
}

export function PromotoresTable({ promotores, editingId, deletingId, onEdit, onDelete }: Props) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>Tipo</th><th>Nombre</th><th>RUC</th><th>Email</th><th>Celular</th><th>Fuente</th><th>Acciones</th>
          </tr>
        </thead>
        <tbody>
          {promotores.map((p) => (
            <tr key={p.promotor_id} className={p.promotor_id === editingId ? 'highlight' : undefined}>
              <td><span className={`pill ${TIPO_CLASS[p.tipo_promotor]}`}>{p.tipo_promotor}</span></td>
              <td>{orDash(p.nombre)}</td>
              <td>{orDash(p.ruc)}</td>
              <td>{orDash(p.email)}</td>
              <td>{orDash(p.celular_1)}</td>
              <td>{orDash(p.fuente_promotor)}</td>
              <td>
                <div className="promotor-actions">
                  <button type="button" className="btn btn-blue btn-sm" onClick={() => onEdit(p)}>Editar</button>
                  <button type="button" className="btn btn-danger btn-sm" disabled={deletingId === p.promotor_id}
                          onClick={() => onDelete(p)}>
                    {deletingId === p.promotor_id ? 'Eliminando...' : 'Eliminar'}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
