/** Spanish for messages/sign-out.ts (English there is the reference: same keys, same parameters). */
import type { signOut as english } from '../sign-out';

export const signOut: typeof english = {
  idle: 'Se cerró su sesión porque el teléfono no se usó durante un tiempo.',
  revoked: 'Su sesión ha terminado. Escanee su credencial para volver a iniciar sesión.',
  offline: 'Se cerró su sesión porque el teléfono lleva demasiado tiempo sin conexión.',
  expired: 'Su sesión alcanzó su tiempo máximo. Escanee su credencial para volver a iniciar sesión.',
  pinChangeUnfinished:
    'El PIN nuevo no se guardó, así que se cerró su sesión. Escanee su credencial para empezar de nuevo.',
  freshSignIn: 'La aplicación le pide que vuelva a iniciar sesión. Escanee su credencial y escriba su PIN.',
};
