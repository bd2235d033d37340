/** Spanish for messages/pin.ts (English there is the reference: same keys, same parameters). */
import type { pin as english } from '../pin';

export const pin: typeof english = {
  title: 'Introduzca su PIN',
  label: 'PIN',
  show: 'Mostrar PIN',
  hide: 'Ocultar PIN',
  lengthHint: (minLength: number) => `${minLength} dígitos o más.`,
  lockedFor: (countdown: string) => `Demasiados PIN incorrectos. Vuelva a intentarlo en ${countdown}.`,
  empty: 'Primero escriba su PIN.',
  digitsOnly: 'Un PIN solo tiene dígitos del 0 al 9.',
  signIn: 'Iniciar sesión',
  differentBadge: 'Escanear otra credencial',
};
