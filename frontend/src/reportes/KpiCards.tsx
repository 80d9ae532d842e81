import type { ReactNode } from 'react';
import type { Reporte } from '../api/types';
import { formatMoney } from '../shared/format';
import { ingresosLines } from './reporte';

function KpiCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="kpi-card" role="group" aria-label={title}>
      <div className="kpi-title">{title}</div>
      <div className="kpi-value">{children}</div>
    </div>
  );
}

export function KpiCards({ kpis }: { kpis: Reporte['kpis'] }) {
  return (
    <div className="kpi-grid">
      <KpiCard title="Solicitudes">{kpis.solicitudes}</KpiCard>
      <KpiCard title="Cerradas">{kpis.cerradas}</KpiCard>
      <KpiCard title="Ingresos">
        {ingresosLines(kpis.ingresos_por_moneda).map((line) => <div key={line}>{line}</div>)}
      </KpiCard>
      <KpiCard title="Ticket promedio">{formatMoney(kpis.ticket_promedio)}</KpiCard>
    </div>
  );
}
