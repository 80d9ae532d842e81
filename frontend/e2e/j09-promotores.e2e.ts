import { afterAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { VIEWPORTS, acceptConfirm, apiSession, closeBrowser, expectNoHorizontalOverflow, login, openSession, reached, unique, uniqueDni, type Viewport } from './support';

afterAll(closeBrowser);

interface PromotorItem { promotor_id: number; nombre: string }

/** Step 5 (and its desktop counterpart): the modal fits the screen, scrolls inside, one column on phones. */
async function checkModalLayout(dialog: Locator, viewport: Viewport): Promise<void> {
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);

  const nombres = (await dialog.getByLabel('Nombres *').boundingBox())!;
  const apellidos = (await dialog.getByLabel('Apellidos *').boundingBox())!;
  if (viewport.name === 'phone') {
    expect(apellidos.x).toBe(nombres.x);
    expect(apellidos.y).toBeGreaterThan(nombres.y);
    expect(nombres.width).toBeGreaterThan(box.width * 0.75);

    const scroll = await dialog.evaluate((el) => ({ overflowY: getComputedStyle(el).overflowY, scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
    expect(scroll.overflowY).toBe('auto');
    expect(scroll.scrollHeight).toBeGreaterThan(scroll.clientHeight);
    await dialog.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const guardar = (await dialog.getByRole('button', { name: 'Guardar' }).boundingBox())!;
    expect(guardar.y + guardar.height).toBeLessThanOrEqual(box.y + box.height);
  } else {
    expect(apellidos.y).toBe(nombres.y);
    expect(apellidos.x).toBeGreaterThan(nombres.x);
  }
}

describe.each(VIEWPORTS)('J9 promoters ($name)', (viewport) => {
  it('lists, creates, edits and deletes promoters; a promoter with requests is kept', async () => {
    const s = await openSession(viewport);
    const { page } = s;
    const api = await apiSession('operador');

    // 1. any role sees the seed promoters
    await login(page, 'operador');
    await page.getByRole('navigation').getByRole('link', { name: 'Promotores' }).click();
    await page.getByRole('heading', { name: 'Promotores' }).waitFor();
    const luis = page.getByRole('row').filter({ hasText: 'Luis Promotor Reyes' });
    const notaria = page.getByRole('row').filter({ hasText: 'Notaria Gonzales & Asociados' });
    await luis.waitFor();
    expect(await luis.getByText('PERSONA', { exact: true }).count()).toBe(1);
    expect(await notaria.getByText('EMPRESA', { exact: true }).count()).toBe(1);
    await expectNoHorizontalOverflow(page);
    await reached(s, 'j9-promotores');

    // 2. a new OTROS promoter; 5. the modal's fit, scrolling and columns
    const nuevoBtn = page.getByRole('button', { name: '+ Nuevo promotor' });
    await nuevoBtn.click();
    const nuevo = page.getByRole('dialog', { name: 'Nuevo promotor' });
    await nuevo.waitFor();
    expect(await nuevoBtn.count()).toBe(0);
    await checkModalLayout(nuevo, viewport);
    await reached(s, 'j9-modal-persona');

    const nombre = `Feria E2E ${unique()}`;
    await nuevo.getByLabel('Tipo', { exact: true }).selectOption('OTROS');
    const nombreInput = nuevo.getByLabel('Nombre *');
    expect(await nombreInput.getAttribute('placeholder')).toBe('Nombre del promotor');
    await nombreInput.fill(nombre);
    await nuevo.getByLabel('Fuente').selectOption({ label: 'Redes sociales' });
    await nuevo.getByRole('button', { name: 'Guardar' }).click();
    await nuevo.waitFor({ state: 'detached' });
    const fila = page.getByRole('row').filter({ hasText: nombre });
    await fila.waitFor();
    expect(await fila.getByText('OTROS', { exact: true }).count()).toBe(1);
    expect(await fila.getByRole('cell', { name: 'redes sociales' }).count()).toBe(1);
    await nuevoBtn.waitFor();

    // 3. edit: the row is highlighted, the new celular is shown after saving
    await fila.getByRole('button', { name: 'Editar' }).click();
    const editar = page.getByRole('dialog', { name: 'Editar promotor' });
    await editar.waitFor();
    expect(await fila.getAttribute('class')).toContain('highlight');
    expect(await editar.getByLabel('Nombre *').inputValue()).toBe(nombre);
    await editar.getByLabel('Celular').fill('987654321');
    await reached(s, 'j9-modal-editar');
    await editar.getByRole('button', { name: 'Guardar' }).click();
    await editar.waitFor({ state: 'detached' });
    await fila.getByRole('cell', { name: '987654321' }).waitFor();

    // 4. once a request uses it the API refuses the delete; one without requests goes
    const promotores = await api.get('/promotores') as PromotorItem[];
    const creado = promotores.find((p) => p.nombre === nombre)!;
    await api.post('/solicitudes', {
      cliente: { tipo_documento: 'DNI', numero_documento: uniqueDni(), nombres: 'Cliente', apellidos: 'Promotor E2E' },
      promotor_id: creado.promotor_id, servicio_id: 1,
    });
    let confirm = acceptConfirm(page);
    await fila.getByRole('button', { name: 'Eliminar' }).click();
    expect(await confirm).toBe('Eliminar este promotor?');
    await page.getByRole('alert').filter({ hasText: 'No se puede eliminar: el promotor tiene 1 solicitud(es) vinculada(s)' }).waitFor();
    expect(await fila.count()).toBe(1);
    await reached(s, 'j9-eliminar-409');

    const libre = `Empresa Libre E2E ${unique()}`;
    await api.post('/promotores', { tipo_promotor: 'EMPRESA', razon_social: libre });
    await page.reload();
    const filaLibre = page.getByRole('row').filter({ hasText: libre });
    await filaLibre.waitFor();
    confirm = acceptConfirm(page);
    await filaLibre.getByRole('button', { name: 'Eliminar' }).click();
    expect(await confirm).toBe('Eliminar este promotor?');
    await filaLibre.waitFor({ state: 'detached' });
    expect(await page.getByRole('alert').count()).toBe(0);

    await s.close();
  });
});
