/** What the kiosk says for each API error code it can meet, and for a badge it refuses itself. */
import { defineMessages } from '../define';

export const signInErrors = defineMessages(
  {
    QR_CODE_NOT_RECOGNIZED: 'This badge is not recognized. Ask your manager for a new badge.',
    QR_CODE_EXPIRED: 'This badge has expired. Ask your manager for a new one.',
    QR_CODE_NOT_YET_ACTIVE: 'This badge is not active yet. Try again later or ask your manager.',
    PIN_INCORRECT: 'That PIN is not right. Try again.',
    METHOD_LOCKED: 'Too many wrong PINs. Wait, then try again, or ask your manager to unlock your badge.',
    TOO_MANY_ATTEMPTS: 'Too many failed sign-ins on this device. Wait a few minutes, then try again.',
    METHOD_DISABLED_BY_POLICY: 'Badge sign-in is not turned on for you. Ask your manager.',
    ACCESS_BLOCKED_BY_POLICY: 'Sign-in is not allowed here right now.',
    PIN_POLICY_VIOLATION: 'That PIN is not allowed.',
    NETWORK_ERROR:
      'Signing in needs the network, and this phone is offline. Check Wi-Fi or mobile data, then try again.',
    VALIDATION_FAILED: 'Something in the form is not valid.',
    UNAUTHENTICATED: 'Your session ended. Scan your badge to sign in again.',
    unexpected: 'Something went wrong. Try again, or ask your manager if it keeps happening.',
    foreignBadge: 'This badge belongs to another organization. Use your own badge for this store.',
    pinIncorrectTries: (tries: number) =>
      tries === 1
        ? 'That PIN is not right. 1 try left before your badge is locked for a while.'
        : `That PIN is not right. ${tries} tries left.`,
  },
  {
    es: {
      QR_CODE_NOT_RECOGNIZED: 'No se reconoce esta credencial. Pida una nueva a su responsable.',
      QR_CODE_EXPIRED: 'Esta credencial ha caducado. Pida una nueva a su responsable.',
      QR_CODE_NOT_YET_ACTIVE:
        'Esta credencial aún no está activa. Inténtelo más tarde o consulte a su responsable.',
      PIN_INCORRECT: 'El PIN no es correcto. Inténtelo de nuevo.',
      METHOD_LOCKED:
        'Demasiados PIN incorrectos. Espere y vuelva a intentarlo, o pida a su responsable que desbloquee su credencial.',
      TOO_MANY_ATTEMPTS:
        'Demasiados intentos fallidos en este dispositivo. Espere unos minutos y vuelva a intentarlo.',
      METHOD_DISABLED_BY_POLICY:
        'El inicio de sesión con credencial no está activado para usted. Consulte a su responsable.',
      ACCESS_BLOCKED_BY_POLICY: 'Ahora no se permite iniciar sesión aquí.',
      PIN_POLICY_VIOLATION: 'Ese PIN no está permitido.',
      NETWORK_ERROR:
        'Para iniciar sesión se necesita la red y este teléfono no tiene conexión. Compruebe el Wi-Fi o los datos móviles y vuelva a intentarlo.',
      VALIDATION_FAILED: 'Algo del formulario no es válido.',
      UNAUTHENTICATED: 'Su sesión ha terminado. Escanee su credencial para volver a iniciar sesión.',
      unexpected: 'Algo salió mal. Vuelva a intentarlo o avise a su responsable si sigue ocurriendo.',
      foreignBadge:
        'Esta credencial pertenece a otra organización. Use su propia credencial para esta tienda.',
      pinIncorrectTries: (tries: number) =>
        tries === 1
          ? 'El PIN no es correcto. Le queda 1 intento antes de que su credencial se bloquee un tiempo.'
          : `El PIN no es correcto. Le quedan ${tries} intentos.`,
    },
  },
);
