/** Spanish for messages/manager-confirm.ts (English there is the reference: same keys, same parameters). */
import type { managerConfirm as english } from '../manager-confirm';

export const managerConfirm: typeof english = {
  ask: 'Pedir ayuda a un responsable de su tienda',
  scanTitle: 'Responsable: escanee su credencial',
  scanHint: 'Un responsable de la tienda de esta persona pone su propia credencial delante de la cámara.',
  pinTitle: 'Responsable: introduzca su PIN',
  pinHint: 'Solo el responsable escribe aquí. La otra persona nunca ve este PIN.',
  confirm: 'Confirmar',
  otherBadge: 'Escanear otra credencial de responsable',
  cancel: 'Cancelar',
  checking: 'Comprobando…',
};
