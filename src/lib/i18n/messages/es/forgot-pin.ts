/** Spanish for messages/forgot-pin.ts (English there is the reference: same keys, same parameters). */
import type { forgotPin as english } from '../forgot-pin';

export const forgotPin: typeof english = {
  link: '¿Olvidó su PIN?',
  opening: 'Pidiendo un cambio de PIN…',
  title: '¿Olvidó su PIN?',
  explain:
    'Un responsable de su tienda puede dejarle elegir un PIN nuevo. Escanea su credencial e introduce su PIN en este teléfono. Nunca ve su PIN nuevo.',
  consoleInstead: '¿No hay un responsable aquí? Pida a uno que lo apruebe en la consola de Shiftpass',
  waitingTitle: 'Esperando a un responsable',
  waitingBody: (minutes: number) =>
    `Pida a un responsable de su tienda que abra su ficha en la consola de Shiftpass y apruebe el cambio de PIN. Esta solicitud termina en ${minutes} minutos.`,
  timeLeft: (countdown: string) => `Tiempo restante: ${countdown}`,
  checking: 'Esperando la aprobación…',
  approvedBy: (name: string) => `${name} aprobó el cambio de su PIN. Elija su PIN nuevo.`,
  approvedFromConsole: 'Un responsable aprobó el cambio de su PIN. Elija su PIN nuevo.',
  cancel: 'Cancelar',
  cancelReset: 'Cancelar el cambio de PIN',
  done: 'Su PIN ha cambiado. Introduzca su PIN nuevo para iniciar sesión.',
  declined: 'Un responsable rechazó el cambio de su PIN. Pida ayuda a un responsable o a un administrador.',
  expired:
    'Su solicitud de cambio de PIN terminó tras 10 minutos. Toque «¿Olvidó su PIN?» para empezar de nuevo.',
};
