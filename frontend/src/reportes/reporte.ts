/** The reports page's rules (ui.md §10), kept apart from the components. */
import type { Moneda, Reporte, ReporteFiltros } from '../api/types';
import { formatMoney, utcDate } from '../shared/format';

/** The filter bar's defaults: the last 30 days up to today (UTC dates, as the API counts them), closed requests, monthly. */
export function defaultFiltros(now: Date = new Date()): ReporteFiltros {
  return { desde: utcDate(now, -30), hasta: utcDate(now), estado: 'CERRADO', agrupacion: 'mensual' };
}

/** The "no data" note shows when nothing was counted and no period has figures. */
export function sinDatos(reporte: Reporte): boolean {
  return reporte.kpis.solicitudes === 0 && reporte.series.length === 0;
}

const MONEDAS: Moneda[] = ['PEN', 'USD'];

/** The `Ingresos` card: one money line per currency, PEN first (OP-16). */
export function ingresosLines(porMoneda: Partial<Record<Moneda, number>> | null | undefined): string[] {
  return MONEDAS.map((moneda) => formatMoney(porMoneda?.[moneda] ?? 0, moneda));
}

/** The distribution chart has nothing to draw when every state counts zero. */
export function distribucionVacia(distribucion: Reporte['distribucion']): boolean {
  return distribucion.every((item) => item.cantidad === 0);
}
