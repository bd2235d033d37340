/** Spanish for messages/idle.ts (English there is the reference: same keys, same parameters). */
import type { idle as english } from '../idle';

export const idle: typeof english = {
  title: '¿Sigue ahí?',
  countdown: (seconds: number) => `Se cerrará su sesión en ${seconds} segundos.`,
  stay: 'Sigo aquí',
  signOutNow: 'Cerrar sesión ahora',
};
