/** Spanish for messages/kiosk-mode.ts (English there is the reference: same keys, same parameters). */
import type { kioskMode as english } from '../kiosk-mode';

export const kioskMode: typeof english = {
  identity: (name: string, store: string) => (store ? `Quiosco: ${name} · ${store}` : `Quiosco: ${name}`),
  justEnrolled: (name: string) =>
    `Este teléfono es ahora el quiosco «${name}». El personal ya puede iniciar sesión.`,
  noLongerKiosk: 'Este teléfono ya no está configurado como quiosco. Consulte a su responsable.',
  suspendedTitle: 'Este quiosco está suspendido',
  suspendedBody:
    'Nadie puede iniciar sesión en este teléfono hasta que un responsable o administrador lo reactive en la consola de Shiftpass.',
  checkAgain: 'Comprobar de nuevo',
  exit: 'Responsable: salir del modo quiosco',
  exitScanTitle: 'Responsable: escanee su credencial',
  exitScanHint:
    'Para salir del modo quiosco, un responsable de esta tienda escanea su credencial y después introduce su PIN.',
  exitPinTitle: 'Responsable: introduzca su PIN',
  continue: 'Continuar',
  cancel: 'Cancelar',
  chooseTitle: 'Salir del modo quiosco',
  suspend: 'Suspender este quiosco',
  suspendHint:
    'El teléfono sigue configurado; nadie puede iniciar sesión hasta que se reactive en la consola.',
  unenroll: 'Quitar el modo quiosco de este teléfono',
  unenrollHint:
    'El teléfono olvida su clave de quiosco y todo lo que Shiftpass guardó en él. Para volver a usarlo como quiosco, hay que configurarlo de nuevo.',
  working: 'Un momento…',
  suspendedDone: 'El quiosco está suspendido.',
  FORBIDDEN: 'Solo un responsable de la tienda de este quiosco puede salir del modo quiosco.',
};
