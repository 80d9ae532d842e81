import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEWPORTS, acceptConfirm, apiSession, closeBrowser, login, openSession, reached, uniqueDni } from './support';

afterAll(closeBrowser);

const LIMITE = 10 * 1024 * 1024;
const pdf = (relleno = 0) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(relleno, 0x20), Buffer.from('\n%%EOF\n')]);

async function subir(page: Page, name: string, mimeType: string, buffer: Buffer) {
  const archivos = page.getByRole('region', { name: 'Archivos', exact: true });
  await archivos.getByLabel('Archivo', { exact: true }).setInputFiles({ name, mimeType, buffer });
  await archivos.getByRole('button', { name: 'Subir archivo' }).click();
  await archivos.getByRole('button', { name: 'Subir archivo' }).waitFor();
}

describe.each(VIEWPORTS)('J11 file edge cases ($name)', (viewport) => {
  it('refuses oversized and disallowed files inside Archivos, and deletes a file', async () => {
    const api = await apiSession('operador');
    const { solicitud_id, codigo } = await api.post('/solicitudes', {
      cliente: { tipo_documento: 'DNI', numero_documento: uniqueDni(), nombres: 'Test', apellidos: 'Archivos E2E' },
    }) as { solicitud_id: number; codigo: string };
    const s = await openSession(viewport);
    const { page } = s;
    await login(page, 'operador');
    await page.goto(`/app/solicitudes/${solicitud_id}`);
    await page.getByRole('heading', { level: 1, name: codigo }).waitFor();
    const archivos = page.getByRole('region', { name: 'Archivos', exact: true });
    const errorArchivos = archivos.getByRole('alert');

    // 1. over 10 MB: the server's 413 message inside Archivos, nothing else touched
    await subir(page, 'grande.pdf', 'application/pdf', pdf(LIMITE));
    await errorArchivos.waitFor();
    expect(await errorArchivos.textContent()).toMatch(/10 MB/);
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await archivos.getByText('Sin archivos adjuntos.').count()).toBe(1);
    await reached(s, 'j11-archivo-grande');

    // 2. a type outside the allow-list
    await subir(page, 'notas.txt', 'text/plain', Buffer.from('solo texto'));
    await archivos.getByText('Tipo de archivo no permitido').waitFor();
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await archivos.getByText('Sin archivos adjuntos.').count()).toBe(1);

    // 3. a valid upload clears the message; Eliminar asks first, then the row goes
    await subir(page, 'informe.pdf', 'application/pdf', pdf(64));
    const fila = archivos.getByRole('row', { name: /informe\.pdf/ });
    await fila.waitFor();
    expect(await errorArchivos.count()).toBe(0);
    const confirmacion = acceptConfirm(page);
    await fila.getByRole('button', { name: 'Eliminar' }).click();
    await archivos.getByText('Sin archivos adjuntos.').waitFor();
    expect(await confirmacion).toBe('Eliminar este archivo?');
    expect(await fila.count()).toBe(0);
    await reached(s, 'j11-archivo-eliminado');
    await s.close();
  });
});
