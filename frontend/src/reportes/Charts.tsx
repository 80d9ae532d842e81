import { useId, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Reporte } from '../api/types';
import { estadoColor } from '../shared/estados';
import { formatMoney } from '../shared/format';
import { distribucionVacia } from './reporte';

const HEIGHT = 250;
const BRAND = '#1a3d5c';
const GREEN = '#198754';

/** A titled white section holding one chart, or the `Sin datos` placeholder of the same height. */
function ChartSection({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  const titleId = useId();
  return (
    <section className="section chart-section" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      {empty
        ? <div className="chart-empty italic muted" style={{ height: HEIGHT }}>Sin datos</div>
        : <ResponsiveContainer width="100%" height={HEIGHT}>{children}</ResponsiveContainer>}
    </section>
  );
}

const moneyTooltip = (value: unknown) => formatMoney(Number(value));

export function SeriesCharts({ series }: { series: Reporte['series'] }) {
  const empty = series.length === 0;
  return (
    <div className="reportes-row">
      <ChartSection title="Solicitudes en el tiempo" empty={empty}>
        <BarChart data={series} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="periodo" tick={{ fontSize: 12 }} />
          <YAxis width="auto" allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="solicitudes" name="Solicitudes" fill={BRAND} radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ChartSection>
      <ChartSection title="Ingresos en el tiempo" empty={empty}>
        <BarChart data={series} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="periodo" tick={{ fontSize: 12 }} />
          <YAxis width="auto" tick={{ fontSize: 12 }} />
          <Tooltip formatter={moneyTooltip} />
          <Bar dataKey="ingresos" name="Ingresos" fill={GREEN} radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ChartSection>
    </div>
  );
}

export function DistribucionChart({ distribucion }: { distribucion: Reporte['distribucion'] }) {
  // a data entry's own `fill` paints its bar: each state in its badge colour (ui.md §2.5); the
  // categories stay raw codes (OP-9), which also keeps every label on one line
  const data = distribucion.map((d) => ({ ...d, fill: estadoColor(d.estado) }));
  return (
    <ChartSection title="Distribucion por estado" empty={distribucionVacia(distribucion)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="estado" width={140} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="cantidad" name="Cantidad" radius={[0, 4, 4, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartSection>
  );
}
