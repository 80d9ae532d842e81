import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Reporte } from '../api/types';
import { buildCsv, csvFileName, downloadText } from './csv';

const DISTRIBUCION: Reporte['distribucion'] = [
  { estado: 'REGISTRADO', cantidad: 10 }, { estado: 'ASIGNADO_GESTOR', cantidad: 5 }, { estado: 'PAGADO', cantidad: 7 },
  { estado: 'ASIGNADO_MEDICO', cantidad: 10 }, { estado: 'CERRADO', cantidad: 20 }, { estado: 'CANCELADO', cantidad: 5 },
];

function reporte(overrides: Partial<Reporte> = {}): Reporte {
  return {
    actualizado_en: '2026-01-29T15:10:02Z',
    kpis: { solicitudes: 57, cerradas: 20, ingresos: 8550, ticket_promedio: 150.5, ingresos_por_moneda: { PEN: 8000, USD: 550 } },
    series: [{ periodo: '2026-01', solicitudes: 40, ingresos: 6000 }, { periodo: '2026-02', solicitudes: 17, ingresos: 2550.25 }],
    distribucion: DISTRIBUCION,
    ranking_promotores: [{ promotor_id: 3, nombre: 'Clinica Norte SAC', clientes: 12, solicitudes: 15, porcentaje: 26.3 }],
    ranking_equipo: { gestores: [{ persona_id: 5, nombre: 'Gina Gestora', solicitudes: 1, cerradas: 1, ultima_actividad: null }], medicos: [], operadores: [] },
    ...overrides,
  };
}

describe('buildCsv', () => {
  it('writes the four sections with markers, headers and raw numbers, blank lines between them', () => {
    expect(buildCsv(reporte())).toBe([
      '== KPIs ==',
      'Solicitudes,Cerradas,Ingresos,Ticket Promedio',
      '57,20,8550,150.5',
      '',
      '== Series temporales ==',
      'Periodo,Solicitudes,Ingresos',
      '2026-01,40,6000',
      '2026-02,17,2550.25',
      '',
      '== Distribucion por estado ==',
      'Estado,Cantidad',
      'REGISTRADO,10', 'ASIGNADO_GESTOR,5', 'PAGADO,7', 'ASIGNADO_MEDICO,10', 'CERRADO,20', 'CANCELADO,5',
      '',
      '== Ranking promotores ==',
      'Promotor,Clientes,Solicitudes,%Total',
      '"Clinica Norte SAC",12,15,26.3',
      '',
    ].join('\n'));
  });

  it.each([
    ['Notaria Gonzales & Asociados', '"Notaria Gonzales & Asociados"'],
    ['Clinica "La Paz", SAC', '"Clinica ""La Paz"", SAC"'],
    ['Ñandú Médicos', '"Ñandú Médicos"'],
    ['—', '"—"'],
  ])('quotes the promoter name %j as %s', (nombre, cell) => {
    const csv = buildCsv(reporte({ ranking_promotores: [{ promotor_id: 1, nombre, clientes: 1, solicitudes: 2, porcentaje: 100 }] }));
    expect(csv.split('\n').at(-2)).toBe(`${cell},1,2,100`);
  });

  it('keeps the headers of empty sections and leaves the team ranking out', () => {
    const csv = buildCsv(reporte({ series: [], ranking_promotores: [] }));
    expect(csv).toContain('== Series temporales ==\nPeriodo,Solicitudes,Ingresos\n\n== Distribucion por estado ==');
    expect(csv.endsWith('== Ranking promotores ==\nPromotor,Clientes,Solicitudes,%Total\n')).toBe(true);
    expect(csv).not.toContain('Gina Gestora');
  });
});

describe('csvFileName', () => {
  it.each([
    [{ desde: '2026-01-01', hasta: '2026-01-31' }, 'reporte_cmep_2026-01-01_2026-01-31.csv'],
    [{ desde: '2025-12-02', hasta: '2026-01-01' }, 'reporte_cmep_2025-12-02_2026-01-01.csv'],
  ])('%j → %s', (filtros, name) => {
    expect(csvFileName(filtros)).toBe(name);
  });
});

function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
}

describe('downloadText', () => {
  // jsdom has no object URLs: the test provides them
  const { createObjectURL, revokeObjectURL } = URL;
  afterEach(() => {
    vi.restoreAllMocks();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });

  it('clicks a temporary link to a UTF-8 CSV blob and removes it', async () => {
    let blob: Blob | undefined;
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: (b: Blob) => { blob = b; return 'blob:reporte'; }, revokeObjectURL: revoke });
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });

    downloadText('== KPIs ==\nñ\n', 'reporte_cmep_a_b.csv');

    expect(clicked).toEqual([{ href: 'blob:reporte', download: 'reporte_cmep_a_b.csv', attached: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(blob?.type).toBe('text/csv;charset=utf-8');
    expect(await readText(blob!)).toBe('== KPIs ==\nñ\n');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(revoke).toHaveBeenCalledWith('blob:reporte');
  });
});
