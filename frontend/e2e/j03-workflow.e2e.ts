import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BASE_URL, VIEWPORTS, closeBrowser, expectNoHorizontalOverflow, login, logout, openSession, reached, recordFigure, uniqueDni } from './support';

afterAll(closeBrowser);

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const visual = (page: Page, bloque: string) => region(page, bloque).getAttribute('data-estado-visual');
const esperarBadge = (page: Page, texto: string) =>
  page.locator('.detalle-titulo .badge', { hasText: new RegExp(`^${texto}$`) }).waitFor();
const historial = (page: Page, campo: string) =>
  region(page, 'Historial de cambios').getByRole('row', { name: new RegExp(`\\b${campo}\\b`) });
const hoyLima = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Lima' }).format(new Date());

async function abrirDesdeInicio(page: Page, codigo: string) {
  await page.getByRole('heading', { name: 'Tus solicitudes recientes' }).waitFor();
  await page.getByRole('row', { name: new RegExp(codigo) }).click();
  await page.getByRole('heading', { level: 1, name: codigo }).waitFor();
}

describe.each(VIEWPORTS)('J3 full workflow ($name)', (viewport) => {
  it('operador creates and assigns, gestor pays with evidence and assigns the doctor, medico closes', async () => {
    const s = await openSession(viewport);
    const { page } = s;
    const dni = uniqueDni();

    // 1. operador: create (as J2), then assign the gestor
    await login(page, 'operador');
    await page.goto('/app/solicitudes/nueva');
    const cliente = page.getByRole('group', { name: 'Datos del Cliente *' });
    await cliente.getByLabel('Numero documento *').fill(dni);
    await cliente.getByLabel('Nombres *').fill('Test');
    await cliente.getByLabel('Apellidos *').fill('Flujo E2E');
    await page.getByLabel('Opcion').selectOption({ label: 'Seleccionar existente' });
    const promotor = page.getByLabel('Seleccionar promotor');
    const notaria = (await promotor.locator('option').allTextContents()).find((t) => t.startsWith('Notaria Gonzales & Asociados'));
    await promotor.selectOption({ label: notaria! });
    await page.getByRole('button', { name: 'Registrar Solicitud' }).click();
    await page.waitForURL((u) => /^\/app\/solicitudes\/\d+$/.test(u.pathname));

    // time to interactive: a full load of the detail URL, navigation start → detail rendered with data
    await page.goto(page.url());
    const titulo = page.getByRole('heading', { level: 1 });
    await titulo.waitFor();
    const ms = await page.evaluate(() => performance.getEntriesByName('cmep:detalle-interactivo')[0]?.startTime);
    expect(ms).toBeGreaterThan(0);
    recordFigure(`detail interactive: ${Math.round(ms!)} ms (${viewport.name}, full page load from ${BASE_URL})`);
    const codigo = (await titulo.textContent())!;
    await esperarBadge(page, 'REGISTRADO');
    expect(await visual(page, 'Gestion administrativa')).toBe('in_progress');
    await expectNoHorizontalOverflow(page);
    await reached(s, 'j3-detalle-registrado');

    await page.getByRole('button', { name: 'Asignar gestor' }).click();
    const asignar = page.getByRole('form', { name: 'Asignar gestor' });
    expect(await asignar.getByRole('button', { name: 'Confirmar' }).isDisabled()).toBe(true);
    await asignar.getByLabel('Gestor *').selectOption({ label: 'Carlos Gestor' });
    await reached(s, 'j3-asignar-gestor');
    await asignar.getByRole('button', { name: 'Confirmar' }).click();
    await esperarBadge(page, 'ASIGNADO GESTOR');
    expect(await page.locator('.stepper li[aria-current="step"] .step-label').textContent()).toBe('Gestor asignado');
    expect(await region(page, 'Gestion administrativa').textContent()).toContain('Gestor asignado: Carlos Gestor');
    expect(await visual(page, 'Gestion administrativa')).toBe('completed');
    expect(await visual(page, 'Pago')).toBe('in_progress');
    expect(await historial(page, 'asignacion_gestor').textContent()).toContain('Carlos Gestor');
    expect(await page.getByRole('form', { name: 'Asignar gestor' }).count()).toBe(0);
    await reached(s, 'j3-asignado-gestor');
    await logout(page);

    // 2. gestor: payment
    await login(page, 'gestor');
    await abrirDesdeInicio(page, codigo);
    await page.getByRole('button', { name: 'Registrar pago' }).click();
    const pago = page.getByRole('form', { name: 'Registrar pago' });
    await pago.getByLabel('Canal de pago *').selectOption('YAPE');
    await pago.getByLabel('Fecha de pago *').fill(hoyLima());
    await pago.getByLabel('Monto *').fill('200');
    await pago.getByLabel('Moneda').selectOption('PEN');
    await pago.getByLabel('Referencia de transaccion').fill('OP-E2E-1');
    await reached(s, 'j3-registrar-pago');
    await pago.getByRole('button', { name: 'Registrar pago' }).click();
    await esperarBadge(page, 'PAGADO');
    const filaPago = region(page, 'Pago').getByRole('row', { name: /OP-E2E-1/ });
    const textoPago = (await filaPago.textContent())!;
    expect(textoPago).toContain('YAPE');
    expect(textoPago).toContain('PEN 200');
    expect(textoPago).toMatch(/\d{1,2}:\d{2}/);
    expect(await region(page, 'Pago').textContent()).toContain('Pagos registrados: 1');
    expect(await visual(page, 'Pago')).toBe('completed');

    // 3. evidence: a real PNG, downloaded back byte for byte once the file-worker verified it
    const archivos = region(page, 'Archivos');
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: 24, height: 24 } });
    const nombrePng = `evidencia-${dni}.png`;
    await archivos.getByLabel('Archivo', { exact: true }).setInputFiles({ name: nombrePng, mimeType: 'image/png', buffer: png });
    await archivos.getByLabel('Tipo de archivo').selectOption({ label: 'Evidencia de pago' });
    await archivos.getByRole('button', { name: 'Subir archivo' }).click();
    const filaPng = archivos.getByRole('row', { name: new RegExp(nombrePng) });
    await filaPng.waitFor();
    expect(await archivos.getByLabel('Tipo de archivo').inputValue()).toBe('DOCUMENTO');
    expect(await archivos.getByLabel('Archivo', { exact: true }).inputValue()).toBe('');
    expect(await filaPng.textContent()).toMatch(/EVIDENCIA_PAGO.*\d+\.\d KB/);
    await filaPng.getByText('verificando').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await filaPng.getByText('rechazado').count()).toBe(0);
    const [descarga] = await Promise.all([
      page.waitForEvent('download'),
      filaPng.getByRole('link', { name: 'Descargar' }).click(),
    ]);
    expect(descarga.suggestedFilename()).toBe(nombrePng);
    expect(readFileSync((await descarga.path())!).equals(png)).toBe(true);

    // a disguised upload: PNG by name and type, PDF/text by content → the worker rejects it
    const nombreFalso = `disfrazado-${dni}.png`;
    await archivos.getByLabel('Archivo', { exact: true }).setInputFiles({
      name: nombreFalso, mimeType: 'image/png', buffer: Buffer.from('%PDF-1.4\nno soy una imagen\n%%EOF\n'),
    });
    await archivos.getByRole('button', { name: 'Subir archivo' }).click();
    const filaFalsa = archivos.getByRole('row', { name: new RegExp(nombreFalso) });
    await filaFalsa.getByText('rechazado').waitFor({ timeout: 30_000 });
    expect(await filaFalsa.getByText('verificando').count()).toBe(0);
    expect(await filaFalsa.getByRole('link', { name: 'Descargar' }).count()).toBe(0);
    await expectNoHorizontalOverflow(page);
    await reached(s, 'j3-archivos');

    // 4. gestor: doctor
    await page.getByRole('button', { name: 'Asignar medico' }).click();
    const medico = page.getByRole('form', { name: 'Asignar medico' });
    await medico.getByLabel('Medico *').selectOption({ label: 'Maria Medico' });
    await medico.getByRole('button', { name: 'Confirmar' }).click();
    await esperarBadge(page, 'ASIGNADO MEDICO');
    expect(await visual(page, 'Evaluacion medica')).toBe('in_progress');
    const evaluacion = region(page, 'Evaluacion medica');
    expect(await evaluacion.getByRole('button', { name: 'Cerrar solicitud' }).isDisabled()).toBe(true);
    expect(await evaluacion.textContent()).toContain('No disponible en este momento.');
    await reached(s, 'j3-asignado-medico');
    await logout(page);

    // 5–7. medico: prerequisites, tipo, certificate, close
    await login(page, 'medico');
    await abrirDesdeInicio(page, codigo);
    await evaluacion.getByRole('button', { name: 'Cerrar solicitud' }).click();
    const falta = page.getByText('No se puede cerrar aun. Falta:');
    await falta.waitFor();
    expect(await falta.locator('li').allTextContents()).toEqual(['Tipo de atencion', 'Estado de certificado']);
    expect(await page.getByRole('form', { name: 'Cerrar solicitud' }).count()).toBe(0);
    await reached(s, 'j3-cierre-faltan');

    await page.getByRole('button', { name: 'Editar tipo/lugar atencion' }).click();
    const tipoLugar = page.getByRole('form', { name: 'Editar tipo/lugar atencion' });
    await tipoLugar.getByLabel('Tipo atencion').selectOption('VIRTUAL');
    await tipoLugar.getByRole('button', { name: 'Guardar' }).click();
    await region(page, 'Gestion administrativa').getByText('Tipo atencion: VIRTUAL').waitFor();
    await evaluacion.getByLabel('Estado certificado').selectOption('APROBADO');
    await historial(page, 'estado_certificado').waitFor();
    expect(await historial(page, 'estado_certificado').textContent()).toContain('APROBADO');

    await evaluacion.getByRole('button', { name: 'Cerrar solicitud' }).click();
    expect(await falta.count()).toBe(0);
    const cierre = page.getByRole('form', { name: 'Cerrar solicitud' });
    await cierre.getByLabel('Comentario (opcional)').fill('OK');
    await reached(s, 'j3-cerrar-form');
    await cierre.getByRole('button', { name: 'Confirmar cierre' }).click();
    await esperarBadge(page, 'CERRADO');
    expect(await page.locator('.stepper li.step-completed').count()).toBe(5);
    expect(await region(page, 'Gestion administrativa').textContent()).toContain('Estado atencion: ATENDIDO');
    await page.getByText('Fecha cierre:').waitFor();
    for (const bloque of ['Gestion administrativa', 'Pago', 'Evaluacion medica']) {
      expect(await visual(page, bloque)).toBe('completed');
    }
    expect(await page.getByRole('button', { name: 'Editar datos' }).count()).toBe(0);
    expect(await region(page, 'Datos del cliente').getByText('Solicitud finalizada.').count()).toBe(1);
    expect(await evaluacion.getByRole('button', { name: 'Cerrar solicitud' }).isDisabled()).toBe(true);
    expect(await evaluacion.textContent()).toContain('Ya cerrada.');
    await expectNoHorizontalOverflow(page);
    await reached(s, 'j3-cerrada');
    await s.close();
  });
});
