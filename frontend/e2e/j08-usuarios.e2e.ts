import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { VIEWPORTS, acceptConfirm, closeBrowser, login, logout, openSession, reached, unique, uniqueDni, SEED } from './support';

afterAll(closeBrowser);

async function openUsuarios(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Usuarios' }).click();
  await page.getByRole('heading', { name: 'Usuarios' }).waitFor();
  await page.getByRole('row').filter({ hasText: SEED.admin.email }).waitFor();
}

async function menuItems(page: Page): Promise<string[]> {
  return page.getByRole('navigation').getByRole('link').allTextContents();
}

/** Fills the login form without the helper's wait for Inicio (for attempts that must fail). */
async function tryLogin(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Contrasena').fill(password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
}

async function pills(row: Locator): Promise<string[]> {
  return row.locator('.pill').allTextContents();
}

describe.each(VIEWPORTS)('J8 user administration ($name)', (viewport) => {
  it('admin creates, edits, suspends, reactivates and resets a user; a non-admin is refused', async () => {
    const s = await openSession(viewport);
    const other = await openSession(viewport); // the new user's own browser, so the admin stays logged in
    const { page } = s;
    const email = `e2e.${unique()}@cmep.local`;
    const dni = uniqueDni();

    // 1. the seed users with role pills and states
    await login(page, 'admin');
    await openUsuarios(page);
    for (const [who, rol] of [['admin', 'ADMIN'], ['operador', 'OPERADOR'], ['gestor', 'GESTOR'], ['medico', 'MEDICO']] as const) {
      const row = page.getByRole('row').filter({ hasText: SEED[who].email });
      expect(await pills(row)).toContain(rol);
      expect(await row.getByText('ACTIVO', { exact: true }).count()).toBe(1);
    }
    await reached(s, 'j8-usuarios');

    // 2. create: `Crear` waits for a role; a second creation with the same e-mail is refused inside the modal
    const crearUsuario = async () => {
      await page.getByRole('button', { name: '+ Nuevo Usuario' }).click();
      const modal = page.getByRole('dialog', { name: 'Nuevo Usuario' });
      await modal.getByLabel('Email *').fill(email);
      await modal.getByLabel('Password *').fill('test12345');
      await modal.getByLabel('Nombres *').fill('Usuario');
      await modal.getByLabel('Apellidos *').fill('Prueba E2E');
      expect(await modal.getByLabel('Tipo Doc *').inputValue()).toBe('DNI');
      await modal.getByLabel('Numero Doc *').fill(dni);
      const crear = modal.getByRole('button', { name: 'Crear' });
      expect(await crear.isDisabled()).toBe(true);
      await modal.getByLabel('OPERADOR').check();
      expect(await crear.isEnabled()).toBe(true);
      return { modal, crear };
    };
    const primero = await crearUsuario();
    await reached(s, 'j8-nuevo-usuario');
    await primero.crear.click();
    await page.getByRole('status').filter({ hasText: 'Usuario creado exitosamente' }).waitFor();
    expect(await primero.modal.count()).toBe(0);
    const fila = page.getByRole('row').filter({ hasText: email });
    await fila.waitFor();
    expect(await pills(fila)).toEqual(['OPERADOR']);

    const segundo = await crearUsuario();
    await segundo.crear.click();
    await segundo.modal.getByRole('alert').filter({ hasText: 'Ya existe un usuario con ese email' }).waitFor();
    await reached(s, 'j8-usuario-duplicado');
    await segundo.modal.getByRole('button', { name: 'Cancelar' }).click();
    await segundo.modal.waitFor({ state: 'detached' });

    // 3. the new user sees no admin menu
    await login(other.page, { email, password: 'test12345' });
    expect(await menuItems(other.page)).toEqual(['Inicio', 'Solicitudes', 'Promotores']);
    await logout(other.page);

    // 4. edit the name and add a role
    await fila.getByRole('button', { name: 'Editar' }).click();
    const editar = page.getByRole('dialog', { name: `Editar: ${email}` });
    expect(await editar.getByLabel('Nombres').inputValue()).toBe('Usuario');
    await editar.getByLabel('Nombres').fill('Editado');
    await editar.getByLabel('GESTOR').check();
    await reached(s, 'j8-editar-usuario');
    await editar.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('status').filter({ hasText: 'Usuario actualizado exitosamente' }).waitFor();
    await fila.getByText('Editado Prueba E2E').waitFor();
    expect(await pills(fila)).toEqual(['OPERADOR', 'GESTOR']);

    // 5. suspend: the login is refused; then reactivate
    let confirm = acceptConfirm(page);
    await fila.getByRole('button', { name: 'Suspender' }).click();
    expect(await confirm).toBe('¿Seguro que deseas suspender a Editado Prueba E2E?');
    await page.getByRole('status').filter({ hasText: 'Usuario suspendido exitosamente' }).waitFor();
    await fila.getByText('SUSPENDIDO', { exact: true }).waitFor();
    await reached(s, 'j8-suspendido');
    await tryLogin(other.page, email, 'test12345');
    await other.page.getByText('Usuario suspendido. Contacte al administrador.').waitFor();

    confirm = acceptConfirm(page);
    await fila.getByRole('button', { name: 'Reactivar' }).click();
    expect(await confirm).toBe('¿Seguro que deseas reactivar a Editado Prueba E2E?');
    await page.getByRole('status').filter({ hasText: 'Usuario reactivado exitosamente' }).waitFor();
    await fila.getByText('ACTIVO', { exact: true }).waitFor();

    // 6. reset the password: the old one fails, the new one works
    await fila.getByRole('button', { name: 'Reset Pass' }).click();
    const reset = page.getByRole('dialog', { name: `Reset Password: ${email}` });
    await reset.getByText('Minimo 8 caracteres').waitFor();
    await reset.getByLabel('Nueva Password *').fill('newpass123');
    await reached(s, 'j8-reset-password');
    await reset.getByRole('button', { name: 'Resetear' }).click();
    await page.getByRole('status').filter({ hasText: `Password reseteado para ${email}` }).waitFor();
    await tryLogin(other.page, email, 'test12345');
    await other.page.getByText('Credenciales invalidas.').waitFor();
    await login(other.page, { email, password: 'newpass123' });
    await logout(other.page);

    // 7. the admin cannot suspend itself (nothing changes)
    const filaAdmin = page.getByRole('row').filter({ hasText: SEED.admin.email });
    confirm = acceptConfirm(page);
    await filaAdmin.getByRole('button', { name: 'Suspender' }).click();
    expect(await confirm).toBe('¿Seguro que deseas suspender a Admin Sistema?');
    await page.getByRole('alert').filter({ hasText: 'No puedes suspenderte a ti mismo' }).waitFor();
    expect(await filaAdmin.getByText('ACTIVO', { exact: true }).count()).toBe(1);

    // 8. the permissions matrix, collapsed until asked for
    await page.getByRole('button', { name: '▶ Permisos por Rol' }).click();
    await page.getByRole('button', { name: '▼ Permisos por Rol' }).waitFor();
    const matriz = page.locator('#permisos-matriz table');
    expect(await matriz.getByRole('columnheader').allTextContents()).toEqual(['Estado', 'ADMIN', 'OPERADOR', 'GESTOR', 'MEDICO']);
    expect(await matriz.getByRole('rowheader').allTextContents()).toContain('CERRADO');
    await reached(s, 'j8-permisos');

    // 9. a non-admin reaching the URL gets the API's refusal and no table
    await login(other.page, 'operador');
    await other.page.goto('/app/usuarios');
    await other.page.getByRole('alert').filter({ hasText: 'Solo ADMIN puede acceder a esta funcion' }).waitFor();
    expect(await other.page.getByRole('table').count()).toBe(0);
    expect(await other.page.getByRole('button', { name: /Permisos por Rol/ }).count()).toBe(0);
    await reached(other, 'j8-usuarios-operador');

    await other.close();
    await s.close();
  });
});
