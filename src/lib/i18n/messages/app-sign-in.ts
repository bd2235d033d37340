/** A store app waiting for the worker's kiosk sign-in (single sign-on), and why it could not be opened. */
import { defineMessages } from '../define';

export const appSignIn = defineMessages(
  {
    waiting: 'Sign in to continue to the app',
    waitingFor: (app: string) => `Sign in to continue to ${app}`,
    opening: 'Opening the app…',
    openingApp: (app: string) => `Opening ${app}…`,
    expired: 'This sign-in request from the app has expired. Go back to the app and try again.',
    consoleSession:
      'Apps open from a kiosk sign-in with your badge and PIN. Sign out, scan your badge, then open the app again.',
    offline:
      'The app could not be opened because this phone is offline. Go back to the app and try again when the network is back.',
    blocked:
      'Your organization’s access rules do not allow this app on this phone right now. Your other apps still work. Ask your manager.',
    secondFactor:
      'Your organization’s access rules need a second proof of who you are for this app, which a badge and PIN cannot give. Ask your manager.',
    blockedApp: (app: string) =>
      `Your organization’s access rules do not allow ${app} on this phone right now. Your other apps still work. Ask your manager.`,
    secondFactorApp: (app: string) =>
      `Your organization’s access rules need a second proof of who you are for ${app}, which a badge and PIN cannot give. Ask your manager.`,
    failed: 'The app could not be opened. Go back to the app and try again.',
  },
  {
    es: {
      waiting: 'Inicie sesión para continuar a la aplicación',
      waitingFor: (app: string) => `Inicie sesión para continuar a ${app}`,
      opening: 'Abriendo la aplicación…',
      openingApp: (app: string) => `Abriendo ${app}…`,
      expired:
        'Esta solicitud de inicio de sesión de la aplicación ha caducado. Vuelva a la aplicación e inténtelo de nuevo.',
      consoleSession:
        'Las aplicaciones se abren tras iniciar sesión en el quiosco con su credencial y su PIN. Cierre la sesión, escanee su credencial y vuelva a abrir la aplicación.',
      offline:
        'No se pudo abrir la aplicación porque este teléfono no tiene conexión. Vuelva a la aplicación e inténtelo de nuevo cuando vuelva la red.',
      blocked:
        'Las reglas de acceso de su organización no permiten ahora esta aplicación en este teléfono. Sus otras aplicaciones siguen funcionando. Consulte a su responsable.',
      secondFactor:
        'Las reglas de acceso de su organización piden para esta aplicación una segunda prueba de su identidad, que la credencial y el PIN no pueden dar. Consulte a su responsable.',
      blockedApp: (app: string) =>
        `Las reglas de acceso de su organización no permiten ahora ${app} en este teléfono. Sus otras aplicaciones siguen funcionando. Consulte a su responsable.`,
      secondFactorApp: (app: string) =>
        `Las reglas de acceso de su organización piden para ${app} una segunda prueba de su identidad, que la credencial y el PIN no pueden dar. Consulte a su responsable.`,
      failed: 'No se pudo abrir la aplicación. Vuelva a la aplicación e inténtelo de nuevo.',
    },
  },
);
