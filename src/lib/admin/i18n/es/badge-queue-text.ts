import { BADGES_PER_RUN } from '$server/contracts/bulk';
import type { badgeQueueText as english } from '../../badge-queue-text';

export const badgeQueueText: typeof english = {
  title: (n: number) =>
    n === 1 ? '1 persona nueva necesita credencial' : `${n} personas nuevas necesitan credencial`,
  intro:
    'Se añadieron a esta tienda y todavía no tienen credencial ni PIN. Cada una recibe una credencial y un PIN temporal, que se muestran una sola vez en esta página para imprimirlos.',
  listLabel: 'Personas nuevas sin credencial',
  added: (date: string) => `Alta: ${date}`,
  more: (n: number) => `y ${n} más`,
  issue: (n: number) => (n === 1 ? 'Emitir su credencial' : `Emitir credenciales para estas ${n} personas`),
  issuing: 'Emitiendo credenciales…',
  overLimit: (n: number) =>
    `Hay ${n} personas esperando: las primeras ${BADGES_PER_RUN} reciben su credencial ahora; vuelve a emitir para el resto.`,
};
