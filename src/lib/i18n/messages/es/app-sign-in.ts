/** Spanish for messages/app-sign-in.ts (English there is the reference: same keys, same parameters). */
import type { appSignIn as english } from '../app-sign-in';

export const appSignIn: typeof english = {
  waiting: 'Inicie sesión para continuar en la aplicación',
  waitingFor: (app: string) => `Inicie sesión para continuar en ${app}`,
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
};
