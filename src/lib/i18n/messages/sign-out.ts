/** Why the kiosk signed someone out, shown on the fresh scan screen. */
import { defineMessages } from '../define';

export const signOut = defineMessages(
  {
    idle: 'You were signed out because the phone was not used for a while.',
    revoked: 'Your session ended. Scan your badge to sign in again.',
    offline: 'You were signed out because the phone has been offline for too long.',
    expired: 'Your session reached its time limit. Scan your badge to sign in again.',
    freshSignIn: 'The app asks you to sign in again. Scan your badge and type your PIN.',
  },
  {
    es: {
      idle: 'Se cerró su sesión porque el teléfono no se usó durante un tiempo.',
      revoked: 'Su sesión ha terminado. Escanee su credencial para volver a iniciar sesión.',
      offline: 'Se cerró su sesión porque el teléfono lleva demasiado tiempo sin conexión.',
      expired: 'Su sesión alcanzó su tiempo máximo. Escanee su credencial para volver a iniciar sesión.',
      freshSignIn:
        'La aplicación le pide que vuelva a iniciar sesión. Escanee su credencial y escriba su PIN.',
    },
  },
);
