import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import type { Reporte, ReporteFiltros, Rol, User } from '../api/types';
import { defaultFiltros } from './reporte';
import ReportesPage from './ReportesPage';
import { conRoles, testQueryClient } from '../test-fixtures';

let usuario: User;

vi.mock('../auth/AuthProvider', () => ({
  useUser: () => usuario,
  hasRole: (user: User, rol: Rol) => user.roles.includes(rol),
}));

const VACIO: Reporte = {
  actualizado_en: null,
  kpis: { solicitudes: 0, cerradas: 0, ingresos: 0, ticket_promedio: 0, ingresos_por_moneda: { PEN: 0, USD: 0 } },
  series: [],
  distribucion: (['REGISTRADO', 'ASIGNADO_GESTOR', 'PAGADO', 'ASIGNADO_MEDICO', 'CERRADO', 'CANCELADO'] as const)
    .map((estado) => ({ estado, cantidad: 0 })),
  ranking_promotores: [],
  ranking_equipo: { gestores: [], medicos: [], operadores: [] },
};

const CON_DATOS: Reporte = {
  actualizado_en: '2026-01-29T15:10:02Z',
  kpis: { solicitudes: 57, cerradas: 20, ingresos: 8550, ticket_promedio: 150, ingresos_por_moneda: { PEN: 8000, USD: 550 } },
  series: [{ periodo: '2026-01', solicitudes: 40, ingresos: 6000 }],
  distribucion: VACIO.distribucion.map((d) => ({ ...d, cantidad: 3 })),
  ranking_promotores: [{ promotor_id: 3, nombre: 'Clinica Norte SAC', clientes: 12, solicitudes: 15, porcentaje: 26.3 }],
  ranking_equipo: {
    gestores: [{ persona_id: 5, nombre: 'Gina Gestora', solicitudes: 30, cerradas: 12, ultima_actividad: '2026-01-29T15:10:00Z' }],
    medicos: [{ persona_id: 6, nombre: 'Mario Medico', solicitudes: 9, cerradas: 9, ultima_actividad: null }],
    operadores: [],
  },
};

function renderPage() {
  const client = testQueryClient();
  return render(<QueryClientProvider client={client}><ReportesPage /></QueryClientProvider>);
}

const kpi = (title: string) => screen.getByRole('group', { name: title });
const lastFiltros = (spy: { mock: { calls: [ReporteFiltros][] } }) => spy.mock.calls.at(-1)?.[0];

beforeEach(() => {
  usuario = conRoles('ADMIN');
  // recharts measures its container; jsdom has no layout, so the observer never reports
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('ReportesPage', () => {
  it('refuses a user without ADMIN and asks nothing of the API', () => {
    usuario = conRoles('OPERADOR', 'GESTOR');
    const reportes = vi.spyOn(api, 'reportes');
    renderPage();
    expect(screen.getByRole('heading', { name: 'No autorizado' })).toBeTruthy();
    expect(screen.getByText('Solo los administradores pueden acceder a esta pagina.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Exportar CSV' })).toBeNull();
    expect(reportes).not.toHaveBeenCalled();
  });

  it('loads with the default filters, then shows the KPI cards', async () => {
    const reportes = vi.spyOn(api, 'reportes').mockResolvedValue(CON_DATOS);
    renderPage();
    expect(screen.getByText('Cargando reportes...')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Exportar CSV' }) as HTMLButtonElement).disabled).toBe(true);
    await screen.findByRole('group', { name: 'Solicitudes' });
    expect(reportes).toHaveBeenCalledWith(defaultFiltros());
    expect(screen.queryByText('Cargando reportes...')).toBeNull();
    expect(within(kpi('Solicitudes')).getByText('57')).toBeTruthy();
    expect(within(kpi('Cerradas')).getByText('20')).toBeTruthy();
    expect(within(kpi('Ingresos')).getByText('S/ 8,000.00')).toBeTruthy();
    expect(within(kpi('Ingresos')).getByText('USD 550.00')).toBeTruthy();
    expect(within(kpi('Ticket promedio')).getByText('S/ 150.00')).toBeTruthy();
    expect(screen.queryByText('No hay datos para el rango/estado seleccionado.')).toBeNull();
    expect(screen.getByText(`Actualizado: ${new Date('2026-01-29T15:10:02Z').toLocaleString()}`)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Exportar CSV' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it.each([
    [new ApiError(403, 'FORBIDDEN', 'Solo ADMIN puede acceder a esta funcion'), 'No autorizado. Solo administradores pueden ver reportes.'],
    [new ApiError(500, 'INTERNAL_ERROR', null), 'Error al cargar reportes.'],
    [new ApiError(422, 'VALIDATION_ERROR', 'desde invalido'), 'Error al cargar reportes.'],
    [new ApiError(0, null, null), 'Error al cargar reportes.'],
  ])('shows the error box for %s', async (error, text) => {
    vi.spyOn(api, 'reportes').mockRejectedValue(error);
    renderPage();
    expect((await screen.findByRole('alert')).textContent).toBe(text);
    expect(screen.queryByRole('group', { name: 'Solicitudes' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Exportar CSV' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('notes an empty range above zero values and placeholders', async () => {
    vi.spyOn(api, 'reportes').mockResolvedValue(VACIO);
    renderPage();
    await screen.findByText('No hay datos para el rango/estado seleccionado.');
    expect(within(kpi('Solicitudes')).getByText('0')).toBeTruthy();
    expect(within(kpi('Ingresos')).getByText('S/ 0.00')).toBeTruthy();
    expect(screen.getAllByText('Sin datos')).toHaveLength(3);
    expect(screen.getByText('Sin datos de promotores en este rango.')).toBeTruthy();
    expect(screen.getByText('Sin datos para este rol en el rango.')).toBeTruthy();
    expect(screen.getByText('Actualizado: —')).toBeTruthy();
  });

  it('re-queries on every filter change and Reset restores the defaults', async () => {
    const reportes = vi.spyOn(api, 'reportes').mockResolvedValue(CON_DATOS);
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('group', { name: 'Solicitudes' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Agrupacion' }), 'semanal');
    await waitFor(() => expect(lastFiltros(reportes)).toEqual({ ...defaultFiltros(), agrupacion: 'semanal' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Estado' }), '');
    await waitFor(() => expect(lastFiltros(reportes)).toEqual({ ...defaultFiltros(), agrupacion: 'semanal', estado: '' }));

    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect((screen.getByRole('combobox', { name: 'Estado' }) as HTMLSelectElement).value).toBe('CERRADO');
    expect((screen.getByRole('combobox', { name: 'Agrupacion' }) as HTMLSelectElement).value).toBe('mensual');
    expect((screen.getByLabelText('Desde') as HTMLInputElement).value).toBe(defaultFiltros().desde);
    expect((screen.getByLabelText('Hasta') as HTMLInputElement).value).toBe(defaultFiltros().hasta);
  });

  it('switches the team ranking between its three tabs', async () => {
    vi.spyOn(api, 'reportes').mockResolvedValue(CON_DATOS);
    const user = userEvent.setup();
    renderPage();
    const equipo = await screen.findByRole('region', { name: 'Ranking Equipo' });
    const tab = (name: string) => within(equipo).getByRole('button', { name });
    expect(tab('Gestores').getAttribute('aria-pressed')).toBe('true');
    expect(within(equipo).getByText('Gina Gestora')).toBeTruthy();

    await user.click(tab('Medicos'));
    expect(tab('Medicos').getAttribute('aria-pressed')).toBe('true');
    expect(tab('Gestores').getAttribute('aria-pressed')).toBe('false');
    expect(within(equipo).getByText('Mario Medico')).toBeTruthy();
    expect(within(equipo).getByText('—')).toBeTruthy();

    await user.click(tab('Operadores'));
    expect(within(equipo).getByText('Sin datos para este rol en el rango.')).toBeTruthy();
  });

  it('lists the promoters with their share', async () => {
    vi.spyOn(api, 'reportes').mockResolvedValue(CON_DATOS);
    renderPage();
    const ranking = await screen.findByRole('region', { name: 'Ranking Promotores' });
    const row = within(ranking).getByText('Clinica Norte SAC').closest('tr')!;
    expect(Array.from(row.cells, (cell) => cell.textContent)).toEqual(['Clinica Norte SAC', '12', '15', '26.3%']);
  });
});
