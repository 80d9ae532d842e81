import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { accionErrorMessage, esConflicto } from './accionError';

describe('accionErrorMessage (ui.md §7.13)', () => {
  it.each([
    ['403 ignores the API text', new ApiError(403, 'FORBIDDEN', "Accion 'CERRAR' no permitida en estado 'PAGADO'"), 'No autorizado para esta accion.'],
    ['409 with a business message', new ApiError(409, 'CONFLICT', 'Debe existir al menos un pago registrado para cerrar la solicitud'),
      'Debe existir al menos un pago registrado para cerrar la solicitud'],
    ['409 without message', new ApiError(409, 'CONFLICT', null), 'La solicitud cambio. Recargando...'],
    ['422 with message', new ApiError(422, 'VALIDATION_ERROR', 'La persona 9 no es empleado con rol GESTOR'),
      'La persona 9 no es empleado con rol GESTOR'],
    ['422 without message', new ApiError(422, null, null), 'Datos invalidos.'],
    ['503 with message', new ApiError(503, 'STORAGE_UNAVAILABLE', 'Almacenamiento no disponible'), 'Almacenamiento no disponible'],
    ['503 without message', new ApiError(503, null, null), 'Problema con almacenamiento. Intenta de nuevo.'],
    ['500 with message', new ApiError(500, 'INTERNAL_ERROR', 'Error interno'), 'Error interno'],
    ['500 without message', new ApiError(500, null, null), 'Error al ejecutar accion'],
    ['network failure', new ApiError(0, null, null), 'Error al ejecutar accion'],
    ['not an API error', new TypeError('boom'), 'Error al ejecutar accion'],
  ])('%s', (_caso, error, esperado) => {
    expect(accionErrorMessage(error)).toBe(esperado);
  });

  it.each([
    [new ApiError(409, 'CONFLICT', null), true],
    [new ApiError(422, null, null), false],
    [new Error('x'), false],
  ])('esConflicto(%s) is %s', (error, esperado) => {
    expect(esConflicto(error)).toBe(esperado);
  });
});
