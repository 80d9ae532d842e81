import { useEffect, useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../api/client';
import { ESTADOS_OPERATIVOS, type EstadoOperativo } from '../api/types';
import { EstadoBadge } from '../shared/EstadoBadge';
import { Alert, Empty, Loading } from '../shared/Feedback';
import { estadoLabel } from '../shared/estados';
import { formatDate, orDash } from '../shared/format';
import { escribirFiltros, leerFiltros, PAGE_SIZE, totalPaginas, type ListaFiltros } from './listaParams';
import { SolicitudRow } from './SolicitudRow';

export function ListaPage() {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const filtros = leerFiltros(search);
  const [texto, setTexto] = useState(filtros.q);
  useEffect(() => setTexto(filtros.q), [filtros.q]);

  const lista = useQuery({
    queryKey: ['solicitudes', 'lista', filtros],
    queryFn: () => api.solicitudes({
      page: filtros.page, page_size: PAGE_SIZE, q: filtros.q || undefined, estado_operativo: filtros.estado || undefined,
    }),
    placeholderData: keepPreviousData,
  });

  const cambiar = (cambios: Partial<ListaFiltros>) => setSearch(escribirFiltros({ ...filtros, ...cambios }));

  function buscar(event: FormEvent) {
    event.preventDefault();
    cambiar({ q: texto.trim(), page: 1 });
  }

  const total = lista.data?.meta?.total ?? 0;
  const paginas = totalPaginas(total);
  const items = lista.data?.items ?? [];

  return (
    <div>
      <div className="page-header">
        <h1>Solicitudes</h1>
        <button type="button" className="btn btn-primary" onClick={() => navigate('/app/solicitudes/nueva')}>
          + Registrar Solicitud
        </button>
      </div>

      <form className="search-row" role="search" onSubmit={buscar}>
        <input type="search" aria-label="Buscar solicitudes" placeholder="Buscar por documento o nombre..."
               value={texto} onChange={(e) => setTexto(e.target.value)} />
        <button type="submit" className="btn btn-primary">Buscar</button>
        <select aria-label="Filtrar por estado" value={filtros.estado}
                onChange={(e) => cambiar({ estado: e.target.value as EstadoOperativo | '', page: 1 })}>
          <option value="">Todos los estados</option>
          {ESTADOS_OPERATIVOS.map((e) => <option key={e} value={e}>{estadoLabel(e)}</option>)}
        </select>
      </form>

      {lista.isError && <Alert kind="error">{errorMessage(lista.error, 'Error al cargar solicitudes')}</Alert>}
      {lista.isPending ? <Loading /> : !lista.isError && items.length === 0 ? (
        <Empty>No se encontraron solicitudes.</Empty>
      ) : items.length > 0 && (
        <div className={`table-wrap${lista.isPlaceholderData ? ' stale' : ''}`} aria-busy={lista.isFetching}
             tabIndex={0} role="region" aria-label="Tabla de solicitudes">
          <table className="table">
            <thead>
              <tr><th>Codigo</th><th>Cliente</th><th>Documento</th><th>Estado</th><th>Gestor</th><th>Medico</th><th>Fecha</th></tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <SolicitudRow key={s.solicitud_id} id={s.solicitud_id}>
                  <td><strong>{orDash(s.codigo)}</strong></td>
                  <td>{s.cliente.nombre}</td>
                  <td>{s.cliente.doc}</td>
                  <td><EstadoBadge estado={s.estado_operativo} /></td>
                  <td>{orDash(s.gestor)}</td>
                  <td>{orDash(s.medico)}</td>
                  <td className="muted small">{formatDate(s.created_at)}</td>
                </SolicitudRow>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {paginas > 1 && (
        <nav className="pagination" aria-label="Paginacion">
          <button type="button" className="btn btn-outline" disabled={filtros.page <= 1}
                  onClick={() => cambiar({ page: filtros.page - 1 })}>Anterior</button>
          <span>Pagina {filtros.page} de {paginas} ({total} resultados)</span>
          <button type="button" className="btn btn-outline" disabled={filtros.page >= paginas}
                  onClick={() => cambiar({ page: filtros.page + 1 })}>Siguiente</button>
        </nav>
      )}
    </div>
  );
}
