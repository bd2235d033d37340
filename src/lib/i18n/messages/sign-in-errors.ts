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
    ACCESS_BLOCKED_BY_POLICY:
      'Your organization’s access rules do not allow this sign-in here right now. Ask your manager.',
    /** The server's reason is English policy text: shown after the line above in the English kiosk only. */
    policyReason: (reason: string) => `Reason: ${reason}`,
    SECOND_FACTOR_REQUIRED:
      'Your organization’s access rules need a second proof of who you are, which a badge and PIN cannot give. Ask your manager.',
    DEVICE_REVOKED: 'This phone is no longer set up as a kiosk. Ask a manager.',
    DEVICE_NOT_ENROLLED: 'This phone is no longer set up as a kiosk. Ask a manager.',
    DEVICE_SUSPENDED: 'This kiosk is suspended. Ask a manager to resume it.',
    DEVICE_ATTESTATION_EXPIRED: 'This kiosk had to renew its proof of identity. Try again.',
    DEVICE_NONCE_EXPIRED: 'That took too long to send. Try again.',
    DEVICE_NONCE_REPLAYED: 'This phone could not prove it is this store’s kiosk. Try again.',
    DEVICE_NONCE_UNKNOWN: 'This phone could not prove it is this store’s kiosk. Try again.',
    DEVICE_PROOF_INVALID:
      'This phone could not prove it is this store’s kiosk. Try again, and ask a manager if it keeps happening.',
    DEVICE_TOKEN_ALGORITHM_REFUSED:
      'This phone could not prove it is this store’s kiosk. Ask a manager to set it up again.',
    DEVICE_KEY_MISMATCH:
      'This phone could not prove it is this store’s kiosk. Ask a manager to set it up again.',
    DEVICE_ATTESTATION_INVALID:
      'This phone could not prove it is this store’s kiosk. Ask a manager to set it up again.',
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
      ACCESS_BLOCKED_BY_POLICY:
        'Las reglas de acceso de su organización no permiten ahora este inicio de sesión aquí. Consulte a su responsable.',
      // The server's reason is English policy text: the Spanish kiosk points to the sign-in log instead.
      policyReason: (_reason: string) =>
        'Su responsable puede ver el motivo exacto en el registro de inicios de sesión.',
      SECOND_FACTOR_REQUIRED:
        'Las reglas de acceso de su organización piden una segunda prueba de su identidad, que la credencial y el PIN no pueden dar. Consulte a su responsable.',
      DEVICE_REVOKED: 'Este teléfono ya no está configurado como quiosco. Consulte a su responsable.',
      DEVICE_NOT_ENROLLED: 'Este teléfono ya no está configurado como quiosco. Consulte a su responsable.',
      DEVICE_SUSPENDED: 'Este quiosco está suspendido. Pida a su responsable que lo reactive.',
      DEVICE_ATTESTATION_EXPIRED:
        'Este quiosco tuvo que renovar su prueba de identidad. Vuelva a intentarlo.',
      DEVICE_NONCE_EXPIRED: 'El envío tardó demasiado. Vuelva a intentarlo.',
      DEVICE_NONCE_REPLAYED:
        'Este teléfono no pudo demostrar que es el quiosco de esta tienda. Vuelva a intentarlo.',
      DEVICE_NONCE_UNKNOWN:
        'Este teléfono no pudo demostrar que es el quiosco de esta tienda. Vuelva a intentarlo.',
      DEVICE_PROOF_INVALID:
        'Este teléfono no pudo demostrar que es el quiosco de esta tienda. Vuelva a intentarlo y avise a su responsable si sigue ocurriendo.',
      DEVICE_TOKEN_ALGORITHM_REFUSED:
        'Este teléfono no pudo demostrar que es el quiosco de esta tienda. Pida a su responsable que lo configure de nuevo.',
      DEVICE_KEY_MISMATCH:
        'Este teléfono no pudo demostrar que es el quiosco de esta tienda. Pida a su responsable que lo configure de nuevo.',
      DEVICE_ATTESTATION_INVALID:
        'Este teléfono no pudo demostrar que es el quiosco de esta tienda. Pida a su responsable que lo configure de nuevo.',
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
