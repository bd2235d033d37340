/**
 * The console's refusals in the admin's language: sign-in refusals in the console's own words (they
 * say what to do next), a validation refusal as the server's sentence, anything else as the server's
 * message (which the server words in the page's language).
 */
import { describe, expect, test } from 'vitest';
import { consoleWords, describeConsoleError } from '../../src/lib/admin/messages';

describe('describeConsoleError', () => {
  test('sign-in refusals in the console words of either language', () => {
    const wrong = { code: 'CREDENTIALS_INCORRECT', message: 'x' } as const;
    expect(describeConsoleError(wrong, consoleWords('en'))).toBe(
      'The sign-in name or password is incorrect.',
    );
    expect(describeConsoleError(wrong, consoleWords('es'))).toBe(
      'El nombre de inicio de sesión o la contraseña no son correctos.',
    );
    const locked = { code: 'ACCOUNT_LOCKED', message: 'x', retryAfterSeconds: 600 } as const;
    expect(describeConsoleError(locked, consoleWords('es'))).toBe(
      'Demasiados inicios de sesión fallidos. Inténtalo de nuevo dentro de 10 minutos.',
    );
    expect(
      describeConsoleError(
        { code: 'NETWORK_ERROR', message: 'Unexpected answer (502).' },
        consoleWords('es'),
      ),
    ).toBe('No se pudo conectar con el servidor. Comprueba la conexión e inténtalo de nuevo.');
  });

  test("a validation refusal is the server's sentence without the API field name; others are the server's message", () => {
    expect(
      describeConsoleError({
        code: 'VALIDATION_FAILED',
        message: 'password: La contraseña es demasiado corta (al menos 12 caracteres)',
        field: 'password',
      }),
    ).toBe('La contraseña es demasiado corta (al menos 12 caracteres).');
    expect(describeConsoleError({ code: 'FORBIDDEN', message: 'No puedes hacer esto.' })).toBe(
      'No puedes hacer esto.',
    );
  });

  test('without a document the words are English', () => {
    expect(describeConsoleError({ code: 'TOO_MANY_ATTEMPTS', message: 'x' })).toBe(
      'Too many failed sign-ins from this network. Try again later.',
    );
  });
});
