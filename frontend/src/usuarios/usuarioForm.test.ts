import { describe, expect, it } from 'vitest';
import type { AdminUser } from '../api/types';
import {
  alternarRol, documento, editarUsuarioForm, emptyNuevoUsuario, nuevoUsuarioBody, usuarioCambios, type EditarUsuarioForm,
} from './usuarioForm';

const gina: AdminUser = {
  user_id: 4, user_email: 'gina@cmep.local', is_active: true, persona_id: 5, nombres: 'Gina', apellidos: 'Gestora',
  tipo_documento: 'DNI', numero_documento: '40000005', telefono: '988777666', email: 'gina@cmep.local', celular_2: null,
  telefono_fijo: null, fecha_nacimiento: null, direccion: null, comentario: null, roles: ['GESTOR', 'OPERADOR'],
  created_at: '2026-01-20T10:00:00Z',
};

describe('usuarioCambios', () => {
  const edit = (over: Partial<EditarUsuarioForm>) => usuarioCambios(gina, { ...editarUsuarioForm(gina), ...over });

  it.each<[string, Partial<EditarUsuarioForm>, object]>([
    ['is empty when nothing changed', {}, {}],
    ['is empty when the roles are ticked in another order', { roles: ['OPERADOR', 'GESTOR'] }, {}],
    ['is empty when only surrounding spaces were added', { nombres: '  Gina ' }, {}],
    ['sends a changed name, trimmed', { nombres: ' Georgina ' }, { nombres: 'Georgina' }],
    ['sends a value typed into a field that was null', { celular_2: '911', fecha_nacimiento: '1990-05-01' },
      { celular_2: '911', fecha_nacimiento: '1990-05-01' }],
    ['leaves out a cleared field (blank = unchanged)', { telefono: '', email: '  ' }, {}],
    ['sends the whole role list when a role is added', { roles: ['GESTOR', 'OPERADOR', 'ADMIN'] },
      { roles: ['ADMIN', 'OPERADOR', 'GESTOR'] }],
    ['sends the whole role list when a role is removed', { roles: ['GESTOR'] }, { roles: ['GESTOR'] }],
    ['sends an empty role list for the API to refuse', { roles: [] }, { roles: [] }],
    ['sends several changes together', { apellidos: 'Paz', direccion: 'Av. Lima 1', comentario: 'nota', roles: ['MEDICO'] },
      { apellidos: 'Paz', direccion: 'Av. Lima 1', comentario: 'nota', roles: ['MEDICO'] }],
  ])('%s', (_, over, expected) => {
    expect(edit(over)).toEqual(expected);
  });
});

describe('nuevoUsuarioBody', () => {
  const filled = {
    ...emptyNuevoUsuario(), user_email: ' Nuevo@cmep.local ', password: ' secret12', nombres: ' Ana ', apellidos: 'Paz ',
    numero_documento: ' 12345678 ', roles: ['OPERADOR', 'ADMIN'] as AdminUser['roles'],
  };

  it.each<[string, Partial<typeof filled>, object]>([
    ['trims the texts but not the password, orders the roles and omits a blank celular', {},
      { user_email: 'Nuevo@cmep.local', password: ' secret12', nombres: 'Ana', apellidos: 'Paz', tipo_documento: 'DNI',
        numero_documento: '12345678', roles: ['ADMIN', 'OPERADOR'] }],
    ['sends the celular as telefono and the chosen document type', { telefono: ' 999 ', tipo_documento: 'CE' },
      { user_email: 'Nuevo@cmep.local', password: ' secret12', nombres: 'Ana', apellidos: 'Paz', tipo_documento: 'CE',
        numero_documento: '12345678', roles: ['ADMIN', 'OPERADOR'], telefono: '999' }],
  ])('%s', (_, over, expected) => {
    expect(nuevoUsuarioBody({ ...filled, ...over })).toEqual(expected);
  });
});

describe('alternarRol', () => {
  it.each<[AdminUser['roles'], AdminUser['roles'][number], AdminUser['roles']]>([
    [[], 'GESTOR', ['GESTOR']],
    [['MEDICO'], 'ADMIN', ['ADMIN', 'MEDICO']],
    [['ADMIN', 'MEDICO'], 'ADMIN', ['MEDICO']],
  ])('%j toggling %s gives %j', (roles, rol, expected) => {
    expect(alternarRol(roles, rol)).toEqual(expected);
  });
});

describe('documento', () => {
  it.each<[string | null, string | null, string]>([
    ['DNI', '40000005', 'DNI 40000005'],
    [null, null, '-'],
    [null, '123', '123'],
  ])('%s %s → %s', (tipo, numero, expected) => {
    expect(documento({ ...gina, tipo_documento: tipo, numero_documento: numero })).toBe(expected);
  });
});
