import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEWPORTS, SEED, closeBrowser, login, logout, openSession, reached } from './support';

afterAll(closeBrowser);

const menu = async (page: Page) =>
  (await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link').allTextContents()).map((t) => t.trim());
const quickActions = async (page: Page) =>
  (await page.getByRole('navigation', { name: 'Acciones rapidas' }).getByRole('button').allTextContents()).map((t) => t.trim());
const path = (page: Page) => new URL(page.url()).pathname;

describe.each(VIEWPORTS)('J1 login, menu, logout, guards ($name)', (viewport) => {
  it('guards private pages, logs the admin in and out', async () => {
    const s = await openSession(viewport);
    const { page } = s;
    await page.goto('/');
    await page.waitForURL((u) => u.pathname === '/login');
    await reached(s, 'j1-login');
    await page.goto('/app/solicitudes');
    await page.waitForURL((u) => u.pathname === '/login');

    await login(page, 'admin');
    expect(await page.getByText('Admin Sistema — ADMIN').count()).toBe(1);
    expect(await menu(page)).toEqual(['Inicio', 'Solicitudes', 'Promotores', 'Usuarios', 'Reportes']);
    expect(await quickActions(page)).toEqual(['Ver solicitudes', 'Registrar solicitud', 'Administrar usuarios']);
    await reached(s, 'j1-inicio-admin');

    await page.goto('/login');
    await page.waitForURL((u) => u.pathname === '/app');
    await page.goto('/xyz');
    await page.waitForURL((u) => u.pathname === '/app');
    await page.getByText('Bienvenido, Admin Sistema').waitFor();

    await logout(page);
    await page.goto('/app');
    await page.waitForURL((u) => u.pathname === '/login');
    expect(path(page)).toBe('/login');
    await s.close();
  });

  it('shows three menu items and the role quick actions to the other roles', async () => {
    const s = await openSession(viewport);
    const { page } = s;
    const expected = {
      operador: ['Registrar solicitud', 'Ver solicitudes'],
      gestor: ['Ver solicitudes'],
      medico: ['Ver solicitudes'],
    } as const;
    for (const who of ['operador', 'gestor', 'medico'] as const) {
      await login(page, who);
      expect(await page.getByText(`Bienvenido, ${SEED[who].nombre}`).count()).toBe(1);
      expect(await menu(page)).toEqual(['Inicio', 'Solicitudes', 'Promotores']);
      expect(await quickActions(page)).toEqual([...expected[who]]);
      await reached(s, `j1-inicio-${who}`);
      await logout(page);
    }
    await s.close();
  });

  it('refuses a wrong password and a suspended account', async () => {
    const s = await openSession(viewport);
    const { page } = s;
    await page.goto('/login');
    await page.getByLabel('Email').fill(SEED.operador.email);
    await page.getByLabel('Contrasena').fill('not-the-password');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByText('Credenciales invalidas.').waitFor();
    await reached(s, 'j1-login-error');

    await page.getByLabel('Email').fill(SEED.suspendido.email);
    await page.getByLabel('Contrasena').fill(SEED.suspendido.password);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByText('Usuario suspendido. Contacte al administrador.').waitFor();
    expect(await page.getByText('Credenciales invalidas.').count()).toBe(0);
    expect(path(page)).toBe('/login');
    await s.close();
  });
});
