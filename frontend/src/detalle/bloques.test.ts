import { describe, expect, it } from 'vitest';
import type { SolicitudDetail } from '../api/types';
import {
  ayudaTituloMedico, botonCerrar, botonGestor, botonMedico, botonPago, endpointAsignacion, estadoGestion, estadoMedico,
  estadoPago, selectorCertificado,
} from './bloques';
import { enEstado, GESTOR, MEDICO } from './detalle.fixture';

const cancelada = (over: Partial<SolicitudDetail> = {}) => enEstado('CANCELADO', ['OVERRIDE'], over);

describe('block visual states (ui.md §7.8–§7.10)', () => {
  it.each([
    ['REGISTRADO', enEstado('REGISTRADO'), 'in_progress', 'blocked', 'blocked'],
    ['ASIGNADO_GESTOR', enEstado('ASIGNADO_GESTOR'), 'completed', 'in_progress', 'pending'],
    ['PAGADO', enEstado('PAGADO'), 'completed', 'completed', 'pending'],
    ['ASIGNADO_MEDICO', enEstado('ASIGNADO_MEDICO'), 'completed', 'completed', 'in_progress'],
    ['CERRADO', enEstado('CERRADO'), 'completed', 'completed', 'completed'],
    ['CANCELADO with nobody', cancelada(), 'pending', 'pending', 'pending'],
    ['CANCELADO after payment and doctor',
      cancelada({ asignaciones_vigentes: { GESTOR, MEDICO }, estado_pago: 'PAGADO' }), 'completed', 'completed', 'completed'],
  ])('%s → A %s, B %s, C %s', (_caso, d, a, b, c) => {
    expect([estadoGestion(d), estadoPago(d), estadoMedico(d)]).toEqual([a, b, c]);
  });
});

describe('Block A gestor button', () => {
  it.each([
    ['REGISTRADO operador', enEstado('REGISTRADO', ['ASIGNAR_GESTOR']), 'Asignar gestor', true, null, 'asignar-gestor'],
    ['REGISTRADO with only CAMBIAR_GESTOR', enEstado('REGISTRADO'), 'Asignar gestor', true, null, 'cambiar-gestor'],
    ['ASIGNADO_GESTOR', enEstado('ASIGNADO_GESTOR', ['ASIGNAR_GESTOR']), 'Cambiar gestor', true, null, 'cambiar-gestor'],
    ['CERRADO', enEstado('CERRADO'), 'Cambiar gestor', false, 'Solicitud finalizada.', 'cambiar-gestor'],
    ['CANCELADO', cancelada(), 'Asignar gestor', false, 'Solicitud finalizada.', 'cambiar-gestor'],
    ['open state, policy gives nothing', enEstado('PAGADO', [], { acciones_permitidas: [] }), 'Cambiar gestor', false,
      'No disponible en este momento.', 'cambiar-gestor'],
  ])('%s', (_caso, d, label, habilitado, ayuda, endpoint) => {
    expect(botonGestor(d)).toEqual({ label, habilitado, ayuda });
    expect(endpointAsignacion(d, 'GESTOR')).toBe(endpoint);
  });
});

describe('Block B Registrar pago', () => {
  it.each([
    ['REGISTRADO', enEstado('REGISTRADO'), false, 'Disponible cuando se asigne un gestor.'],
    ['ASIGNADO_GESTOR gestor', enEstado('ASIGNADO_GESTOR', ['REGISTRAR_PAGO']), true, null],
    ['ASIGNADO_GESTOR operador', enEstado('ASIGNADO_GESTOR'), false, 'No disponible en este momento.'],
    ['PAGADO', enEstado('PAGADO', ['ASIGNAR_MEDICO']), false, 'Pago ya registrado.'],
    ['CERRADO', enEstado('CERRADO'), false, 'Pago ya registrado.'],
    ['CANCELADO unpaid', cancelada(), false, 'Solicitud finalizada.'],
  ])('%s', (_caso, d, habilitado, ayuda) => {
    expect(botonPago(d)).toEqual({ label: 'Registrar pago', habilitado, ayuda });
  });
});

describe('Block C doctor button, close button, title helper and certificate select', () => {
  it.each([
    ['REGISTRADO (CAMBIAR_MEDICO allowed but unpaid)', enEstado('REGISTRADO'), 'Asignar medico', false, 'Requiere pago registrado.', 'cambiar-medico'],
    ['PAGADO gestor', enEstado('PAGADO', ['ASIGNAR_MEDICO']), 'Asignar medico', true, null, 'asignar-medico'],
    ['PAGADO operador (CAMBIAR_MEDICO)', enEstado('PAGADO'), 'Asignar medico', true, null, 'cambiar-medico'],
    ['ASIGNADO_MEDICO', enEstado('ASIGNADO_MEDICO', ['CERRAR']), 'Cambiar medico', true, null, 'cambiar-medico'],
    ['CERRADO', enEstado('CERRADO'), 'Cambiar medico', false, 'Solicitud finalizada.', 'cambiar-medico'],
    ['paid, policy gives nothing', enEstado('PAGADO', [], { acciones_permitidas: [] }), 'Asignar medico', false, 'No disponible.', 'cambiar-medico'],
  ])('doctor: %s', (_caso, d, label, habilitado, ayuda, endpoint) => {
    expect(botonMedico(d)).toEqual({ label, habilitado, ayuda });
    expect(endpointAsignacion(d, 'MEDICO')).toBe(endpoint);
  });

  it.each([
    ['ASIGNADO_MEDICO medico', enEstado('ASIGNADO_MEDICO', ['CERRAR']), true, null],
    ['ASIGNADO_MEDICO gestor', enEstado('ASIGNADO_MEDICO'), false, 'No disponible en este momento.'],
    ['CERRADO', enEstado('CERRADO'), false, 'Ya cerrada.'],
    ['CANCELADO', cancelada(), false, 'Solicitud cancelada.'],
  ])('close: %s', (_caso, d, habilitado, ayuda) => {
    expect(botonCerrar(d)).toEqual({ label: 'Cerrar solicitud', habilitado, ayuda });
  });

  it.each([
    ['REGISTRADO', enEstado('REGISTRADO'), 'Disponible cuando se asigne un gestor.'],
    ['ASIGNADO_GESTOR', enEstado('ASIGNADO_GESTOR'), 'Falta asignar un medico.'],
    ['ASIGNADO_MEDICO', enEstado('ASIGNADO_MEDICO'), null],
    ['CERRADO', enEstado('CERRADO'), null],
  ])('title helper: %s', (_caso, d, ayuda) => {
    expect(ayudaTituloMedico(d)).toBe(ayuda);
  });

  const esperando = 'Disponible cuando el pago este registrado y el medico asignado.';
  it.each([
    ['REGISTRADO', enEstado('REGISTRADO'), false, esperando],
    ['PAGADO', enEstado('PAGADO'), false, esperando],
    ['ASIGNADO_MEDICO with EDITAR_DATOS', enEstado('ASIGNADO_MEDICO'), true, null],
    ['ASIGNADO_MEDICO without EDITAR_DATOS', enEstado('ASIGNADO_MEDICO', [], { acciones_permitidas: ['CERRAR'] }), false, null],
    ['CERRADO', enEstado('CERRADO', ['EDITAR_DATOS']), false, null],
  ])('certificate select: %s', (_caso, d, habilitado, ayuda) => {
    expect(selectorCertificado(d)).toEqual({ habilitado, ayuda });
  });
});
