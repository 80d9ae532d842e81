import { describe, expect, it } from 'vitest';
import { clean, formatMoney, formatMontoDetalle, formatSize, orDash, utcDate } from './format';
import { estadoColor, estadoLabel } from './estados';

describe('formatting (ui.md §2.4)', () => {
  it.each([
    [1200, 'PEN', 'S/ 1,200.00'],
    [0, 'PEN', 'S/ 0.00'],
    [200, 'PEN', 'S/ 200.00'],
    [1234567.891, 'PEN', 'S/ 1,234,567.89'],
    [550, 'USD', 'USD 550.00'],
    [Number.NaN, 'PEN', 'S/ 0.00'],
  ])('report money %s %s → %s', (value, moneda, expected) => {
    expect(formatMoney(value, moneda)).toBe(expected);
  });

  it.each([
    ['PEN', '200.00', 'PEN 200'],
    ['PEN', '150.50', 'PEN 150.5'],
    ['USD', '10.00', 'USD 10'],
    [null, null, '-'],
  ])('detail money %s %s → %s', (moneda, monto, expected) => {
    expect(formatMontoDetalle(moneda, monto)).toBe(expected);
  });

  it.each([
    [null, '-'],
    [0, '0.0 KB'],
    [1536, '1.5 KB'],
    [1024 * 1024, '1024.0 KB'],
    [1024 * 1024 + 1, '1.0 MB'],
    [10 * 1024 * 1024, '10.0 MB'],
  ])('file size %s → %s', (bytes, expected) => {
    expect(formatSize(bytes)).toBe(expected);
  });

  it('missing values render as a dash, blank text is left out', () => {
    expect(orDash(null)).toBe('-');
    expect(orDash('')).toBe('-');
    expect(orDash('x')).toBe('x');
    expect(orDash(null, '—')).toBe('—');
    expect(clean('  ')).toBeUndefined();
    expect(clean(' a ')).toBe('a');
  });

  it('report dates are UTC calendar days', () => {
    const lateEvening = new Date('2026-03-01T02:00:00Z');
    expect(utcDate(lateEvening)).toBe('2026-03-01');
    expect(utcDate(lateEvening, -30)).toBe('2026-01-30');
  });
});

describe('state badge (ui.md §2.5)', () => {
  it.each([
    ['REGISTRADO', 'REGISTRADO', '#6c757d'],
    ['ASIGNADO_GESTOR', 'ASIGNADO GESTOR', '#0d6efd'],
    ['PAGADO', 'PAGADO', '#198754'],
    ['ASIGNADO_MEDICO', 'ASIGNADO MEDICO', '#6f42c1'],
    ['CERRADO', 'CERRADO', '#0f766e'],
    ['CANCELADO', 'CANCELADO', '#6c757d'],
  ])('%s reads %s on %s', (estado, label, color) => {
    expect(estadoLabel(estado)).toBe(label);
    expect(estadoColor(estado)).toBe(color);
  });
});
