import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { loginErrorMessage } from './LoginPage';

describe('login error messages (ui.md §5.1)', () => {
  it.each([
    [new ApiError(401, 'UNAUTHENTICATED', 'Credenciales invalidas'), 'Credenciales invalidas.'],
    [new ApiError(403, 'FORBIDDEN', 'Usuario suspendido'), 'Usuario suspendido. Contacte al administrador.'],
    [new ApiError(429, 'RATE_LIMITED', 'Demasiados intentos. Intente en 15 minutos'), 'Demasiados intentos. Intente en 15 minutos'],
    [new ApiError(429, null, null), 'Credenciales invalidas.'],
    [new ApiError(422, 'VALIDATION_ERROR', 'email requerido'), 'Credenciales invalidas.'],
    [new ApiError(0, null, null), 'Credenciales invalidas.'],
  ])('%o → %s', (error, message) => {
    expect(loginErrorMessage(error)).toBe(message);
  });
});
