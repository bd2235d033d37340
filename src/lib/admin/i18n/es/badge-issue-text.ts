/** Spanish for badge-issue-text.ts (English there is the reference: same keys, same parameters). */
import { pinRules } from '$lib/i18n/messages/es/pin-rules';
import type { badgeIssueText as english } from '../../badge-issue-text';

export const badgeIssueText: typeof english = {
  title: {
    first: (name: string) => `Emitir una credencial para ${name}`,
    standard: (name: string) => `Emitir una credencial nueva para ${name}`,
    replace: (name: string) => `¿Sustituir la credencial de ${name}?`,
    temporary: (name: string) => `Emitir una credencial temporal para ${name}`,
  },
  intro: {
    first:
      'Una credencial y un PIN para iniciar sesión en un teléfono compartido. Los dos se muestran una sola vez, después de esto.',
    standard:
      'Una credencial nueva, que se muestra una sola vez después de esto. El PIN sigue siendo el mismo.',
    replace:
      'La credencial anterior deja de funcionar al momento; la nueva funciona desde el inicio que elijas. El PIN sigue siendo el mismo.',
    temporary:
      'Para quien olvidó su credencial: una segunda credencial para unas horas, con el mismo PIN. Se muestra una sola vez, después de esto.',
  },
  submit: {
    first: 'Emitir credencial',
    standard: 'Emitir credencial',
    replace: 'Sustituir credencial',
    temporary: 'Emitir credencial temporal',
  },
  busy: 'Emitiendo…',
  cancel: 'Cancelar',
  zone: (zone: string) => `Las horas son de tu zona horaria (${zone}).`,
  starts: 'Empieza a funcionar',
  startNow: 'Ahora',
  startAt: 'En una fecha y hora',
  startAtLabel: 'Fecha y hora de inicio',
  startsOn: (when: string) => `Empieza el ${when}.`,
  stops: 'Deja de funcionar',
  stopDefaultDays: (days: number) =>
    days === 1 ? 'Según la política: 1 día' : `Según la política: ${days} días`,
  stopDefaultHours: (hours: number) =>
    hours === 1 ? 'Según la política: 1 hora' : `Según la política: ${hours} horas`,
  stopDefaultUnknown: 'Según la política (la fija un administrador)',
  stopAt: 'En una fecha y hora',
  stopAtLabel: 'Fecha y hora de fin',
  stopsOn: (when: string) => `Deja de funcionar el ${when}.`,
  stopLimits: {
    standard: 'Al menos 1 día después del inicio y como mucho 395 días.',
    temporary: 'Al menos 1 hora después del inicio y como mucho 12 horas.',
  },
  pin: 'PIN',
  pinGenerate: 'Generar uno automáticamente',
  pinType: 'Lo escribo yo',
  pinCodeLabel: 'PIN para la persona',
  pinCodeHint: (min: number, max: number) =>
    `De ${min} a ${max} dígitos. Díselo a la persona en privado: elegirá su propio PIN en el primer inicio de sesión.`,
  errors: {
    startMissing: 'Elige la fecha y la hora en que la credencial empieza a funcionar.',
    startPast: 'Elige un inicio a partir de ahora, o elige Ahora.',
    startTooFar: (days: number) => `Una credencial puede empezar como mucho dentro de ${days} días.`,
    expireMissing: 'Elige la fecha y la hora en que la credencial deja de funcionar.',
    notAfterStart: 'Elige un fin posterior al inicio y en el futuro.',
    tooShort: {
      standard: 'Una credencial debe funcionar al menos 1 día. Elige un fin más tarde.',
      temporary: 'Una credencial temporal debe funcionar al menos 1 hora. Elige un fin más tarde.',
    },
    tooLong: {
      standard: 'Una credencial funciona como mucho 395 días. Elige un fin más temprano.',
      temporary: 'Una credencial temporal funciona como mucho 12 horas. Elige un fin más temprano.',
    },
    pinMissing: 'Escribe el PIN, o elige «Generar uno automáticamente».',
  },
  pinRules,
};
