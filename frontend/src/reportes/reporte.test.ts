import { describe, expect, it } from 'vitest';
import type { Reporte } from '../api/types';
import { defaultFiltros, distribucionVacia, ingresosLines, sinDatos } from './reporte';

describe('defaultFiltros', () => {
  it.each([
    ['mid-month', '2026-03-15T12:00:00Z', '2026-02-13', '2026-03-15'],
    ['across a year boundary', '2026-01-10T08:00:00Z', '2025-12-11', '2026-01-10'],
    ['late evening west of UTC counts the UTC date', '2026-06-01T02:30:00Z', '2026-05-02', '2026-06-01'],
    ['leap year February', '2024-03-01T00:00:00Z', '2024-01-31', '2024-03-01'],
  ])('%s: %s → %s … %s, CERRADO, mensual', (_case, now, desde, hasta) => {
    expect(defaultFiltros(new Date(now))).toEqual({ desde, hasta, estado: 'CERRADO', agrupacion: 'mensual' });
  });
});

const kpis = (solicitudes: number): Reporte['kpis'] =>
  ({ solicitudes, cerradas: 0, ingresos: 0, ticket_promedio: 0, ingresos_por_moneda: { PEN: 0, USD: 0 } });
const serie = [{ periodo: '2026-01', solicitudes: 0, ingresos: 100 }];

describe('sinDatos (the "no data" note)', () => {
  it.each([
    ['nothing counted, no periods', 0, [], true],
    ['requests counted', 3, [], false],
    ['a period with income only', 0, serie, false],
    ['both', 2, serie, false],
  ])('%s → %s', (_case, solicitudes, series, expected) => {
    const reporte = { kpis: kpis(solicitudes as number), series } as unknown as Reporte;
    expect(sinDatos(reporte)).toBe(expected);
  });
});

describe('ingresosLines (the Ingresos card, OP-16)', () => {
  it.each([
    [{ PEN: 1200, USD: 1200 }, ['S/ 1,200.00', 'USD 1,200.00']],
    [{ PEN: 0, USD: 0 }, ['S/ 0.00', 'USD 0.00']],
    [{ PEN: 8000.5, USD: 550 }, ['S/ 8,000.50', 'USD 550.00']],
    [{ PEN: 1234567.891 }, ['S/ 1,234,567.89', 'USD 0.00']],
    [null, ['S/ 0.00', 'USD 0.00']],
  ])('%j → %j', (porMoneda, lines) => {
    expect(ingresosLines(porMoneda)).toEqual(lines);
  });
});

describe('distribucionVacia', () => {
  const estados = (cantidades: number[]) =>
    cantidades.map((cantidad, i) => ({ estado: (['REGISTRADO', 'PAGADO', 'CERRADO'] as const)[i], cantidad }));
  it.each([
    [[0, 0, 0], true],
    [[0, 1, 0], false],
    [[], true],
  ])('%j → %s', (cantidades, expected) => {
    expect(distribucionVacia(estados(cantidades))).toBe(expected);
  });
});
