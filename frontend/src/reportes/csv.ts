/** The CSV export of the reports page (ui.md §10): built in the browser from the loaded report. */
import type { Reporte, ReporteFiltros } from '../api/types';

/** A text cell, always quoted, inner quotes doubled. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function section(marker: string, header: string, rows: (string | number)[][]): string {
  return [`== ${marker} ==`, header, ...rows.map((row) => row.join(','))].join('\n');
}

/** Four sections (KPIs, series, distribution, promoter ranking), raw numbers; the team ranking is not exported. */
export function buildCsv(reporte: Reporte): string {
  const { kpis } = reporte;
  return [
    section('KPIs', 'Solicitudes,Cerradas,Ingresos,Ticket Promedio',
      [[kpis.solicitudes, kpis.cerradas, kpis.ingresos, kpis.ticket_promedio]]),
    section('Series temporales', 'Periodo,Solicitudes,Ingresos',
      reporte.series.map((s) => [s.periodo, s.solicitudes, s.ingresos])),
    section('Distribucion por estado', 'Estado,Cantidad',
      reporte.distribucion.map((d) => [d.estado, d.cantidad])),
    section('Ranking promotores', 'Promotor,Clientes,Solicitudes,%Total',
      reporte.ranking_promotores.map((p) => [quoted(p.nombre), p.clientes, p.solicitudes, p.porcentaje])),
  ].join('\n\n') + '\n';
}

export function csvFileName(filtros: Pick<ReporteFiltros, 'desde' | 'hasta'>): string {
  return `reporte_cmep_${filtros.desde}_${filtros.hasta}.csv`;
}

/** Saves text as a file through a temporary link to a Blob. */
export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // revoked on the next task: the click's download has taken the URL by then
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
