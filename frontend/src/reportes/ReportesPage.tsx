import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import type { Reporte, ReporteFiltros } from '../api/types';
import { hasRole, useUser } from '../auth/AuthProvider';
import { Alert, Loading } from '../shared/Feedback';
import { formatDateTime } from '../shared/format';
import { DistribucionChart, SeriesCharts } from './Charts';
import { buildCsv, csvFileName, downloadText } from './csv';
import { FiltrosBar } from './FiltrosBar';
import { KpiCards } from './KpiCards';
import { RankingEquipo, RankingPromotores } from './Rankings';
import { defaultFiltros, sinDatos } from './reporte';
import './reportes.css';

/** The reports page (ui.md §10); only ADMIN sees it, the API enforces that again (OP-3). */
export default function ReportesPage() {
  const user = useUser();
  if (!hasRole(user, 'ADMIN')) {
    return (
      <div className="reportes-denegado">
        <h2>No autorizado</h2>
        <p>Solo los administradores pueden acceder a esta pagina.</p>
      </div>
    );
  }
  return <Reportes />;
}

function loadErrorText(error: unknown): string {
  return error instanceof ApiError && error.status === 403
    ? 'No autorizado. Solo administradores pueden ver reportes.'
    : 'Error al cargar reportes.';
}

function Reportes() {
  const [filtros, setFiltros] = useState<ReporteFiltros>(() => defaultFiltros());
  const reporte = useQuery({ queryKey: ['reportes', filtros], queryFn: () => api.reportes(filtros) });

  function exportar() {
    if (reporte.data) downloadText(buildCsv(reporte.data), csvFileName(filtros));
  }

  return (
    <div className="reportes">
      <header className="reportes-band">
        <h1>Reportes</h1>
        <FiltrosBar filtros={filtros} onChange={setFiltros} onExport={exportar} canExport={!!reporte.data}
                    onReset={() => setFiltros(defaultFiltros())} />
      </header>
      {reporte.isPending && <Loading text="Cargando reportes..." />}
      {reporte.isError && <Alert kind="error">{loadErrorText(reporte.error)}</Alert>}
      {reporte.data && <Contenido reporte={reporte.data} />}
    </div>
  );
}

function Contenido({ reporte }: { reporte: Reporte }) {
  return (
    <>
      <p className="muted small reportes-actualizado">Actualizado: {formatDateTime(reporte.actualizado_en, '—')}</p>
      {sinDatos(reporte) && <p className="italic muted">No hay datos para el rango/estado seleccionado.</p>}
      <KpiCards kpis={reporte.kpis} />
      <SeriesCharts series={reporte.series} />
      <DistribucionChart distribucion={reporte.distribucion} />
      <div className="reportes-row">
        <RankingPromotores items={reporte.ranking_promotores} />
        <RankingEquipo equipo={reporte.ranking_equipo} />
      </div>
    </>
  );
}
