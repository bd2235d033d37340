/** Kiosk mode on the kiosk itself: its name on the scan screen, suspension, and the manager's exit. */
import { defineMessages } from '../define';

export const kioskMode = defineMessages(
  {
    identity: (name: string, store: string) => (store ? `Kiosk: ${name} · ${store}` : `Kiosk: ${name}`),
    justEnrolled: (name: string) => `This phone is now the kiosk “${name}”. Workers can sign in.`,
    storageNotPersisted:
      'The browser did not promise to keep this kiosk’s storage. If the phone runs short of space the kiosk may need to be set up again.',
    noLongerKiosk: 'This phone is no longer set up as a kiosk. Ask a manager.',
    suspendedTitle: 'This kiosk is suspended',
    suspendedBody:
      'Nobody can sign in on this phone until a manager or admin resumes it in the Shiftpass console.',
    checkAgain: 'Check again',
    exit: 'Manager: exit kiosk mode',
    exitScanTitle: 'Manager: scan your badge',
    exitScanHint: 'To exit kiosk mode, a manager of this store scans their badge, then enters their PIN.',
    exitPinTitle: 'Manager: enter your PIN',
    continue: 'Continue',
    cancel: 'Cancel',
    chooseTitle: 'Exit kiosk mode',
    suspend: 'Suspend this kiosk',
    suspendHint: 'The phone stays set up; nobody can sign in until it is resumed in the console.',
    unenroll: 'Remove kiosk mode from this phone',
    unenrollHint:
      'The phone forgets its kiosk key and everything Shiftpass stored on it. To use it as a kiosk again, set it up again.',
    working: 'Working…',
    suspendedDone: 'The kiosk is suspended.',
    FORBIDDEN: 'Only a manager of this kiosk’s store can exit kiosk mode.',
  },
  {
    es: {
      identity: (name: string, store: string) => (store ? `Quiosco: ${name} · ${store}` : `Quiosco: ${name}`),
      justEnrolled: (name: string) =>
        `Este teléfono es ahora el quiosco «${name}». El personal ya puede iniciar sesión.`,
      storageNotPersisted:
        'El navegador no garantiza conservar los datos de este quiosco. Si el teléfono se queda sin espacio, puede que haya que configurarlo de nuevo.',
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
    },
  },
);
