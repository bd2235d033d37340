/** Spanish for messages/sign-in-errors.ts (English there is the reference: same keys, same parameters). */
import type { signInErrors as english } from '../sign-in-errors';

export const signInErrors: typeof english = {
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
  MOBILE_DEVICE_REQUIRED:
    'El inicio de sesión con credencial solo funciona en un teléfono, una tableta o el quiosco de su tienda, no en un ordenador.',
  ACCESS_BLOCKED_BY_POLICY:
    'Las reglas de acceso de su organización no permiten ahora este inicio de sesión aquí. Consulte a su responsable.',
  accessNotAStoreKiosk:
    'Este teléfono no es un quiosco de la tienda. Inicie sesión en el quiosco de su tienda.',
  accessKioskNotTrusted:
    'Este quiosco necesita una revisión antes de que nadie pueda iniciar sesión en él. Consulte a su responsable.',
  accessNotOnStoreNetwork: 'Este teléfono no está en la red de su tienda. Inicie sesión en su tienda.',
  accessNetworkNotAllowed: 'No se permite iniciar sesión desde esta red. Inicie sesión en su tienda.',
  accessOutsideHours: 'No puede iniciar sesión a esta hora del día. Consulte a su responsable.',
  SECOND_FACTOR_REQUIRED:
    'Las reglas de acceso de su organización piden una segunda prueba de su identidad, que la credencial y el PIN no pueden dar. Consulte a su responsable.',
  DEVICE_REVOKED: 'Este teléfono ya no está configurado como quiosco. Consulte a su responsable.',
  DEVICE_NOT_ENROLLED: 'Este teléfono ya no está configurado como quiosco. Consulte a su responsable.',
  DEVICE_SUSPENDED: 'Este quiosco está suspendido. Pida a su responsable que lo reactive.',
  DEVICE_ATTESTATION_EXPIRED: 'Este quiosco tuvo que renovar su prueba de identidad. Vuelva a intentarlo.',
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
  APPROVER_NOT_A_MANAGER:
    'Esta credencial no es de un responsable. Pida ayuda a un responsable de su tienda.',
  APPROVER_NOT_OF_STORE:
    'Esta persona no es responsable de su tienda. Pida ayuda a un responsable de su tienda.',
  APPROVER_IS_REQUESTER: 'No puede aprobar su propia solicitud. Pida ayuda a un responsable de su tienda.',
  PIN_RESET_NEEDS_ADMIN:
    'Los responsables y administradores no pueden cambiar aquí su propio PIN. Pida a un administrador que lo cambie en la consola de Shiftpass.',
  PIN_RESET_REQUEST_INVALID:
    'Este cambio de PIN ya no existe. Toque «¿Olvidó su PIN?» para empezar de nuevo.',
  PIN_RESET_REQUEST_USED:
    'Este cambio de PIN ya se usó o se canceló. Toque «¿Olvidó su PIN?» para empezar de nuevo.',
  PIN_RESET_REQUEST_EXPIRED:
    'Este cambio de PIN terminó tras 10 minutos. Toque «¿Olvidó su PIN?» para empezar de nuevo.',
  PIN_RESET_NOT_APPROVED: 'Ningún responsable ha aprobado todavía el cambio de su PIN.',
  PIN_RESET_DECLINED:
    'Un responsable rechazó el cambio de su PIN. Pida ayuda a un responsable o a un administrador.',
  PIN_RESET_TOO_MANY_REQUESTS:
    'Demasiados cambios de PIN para esta credencial en la última hora. Inténtelo más tarde o consulte a un administrador.',
  APPROVALS_TOO_MANY:
    'Este responsable aprobó demasiados cambios de PIN en esta hora. Pida ayuda a otro responsable.',
  STEP_UP_CHALLENGE_NOT_FOUND:
    'Este inicio de sesión ya no se puede confirmar. Escanee su credencial e introduzca su PIN de nuevo.',
  STEP_UP_CHALLENGE_EXPIRED:
    'Ningún responsable confirmó este inicio de sesión a tiempo. Escanee su credencial e introduzca su PIN de nuevo.',
  STEP_UP_CHALLENGE_USED:
    'Este inicio de sesión ya se confirmó. Escanee su credencial e introduzca su PIN de nuevo.',
  STEP_UP_DEVICE_MISMATCH:
    'Este inicio de sesión debe confirmarse en el teléfono donde empezó. Escanee su credencial e introduzca su PIN de nuevo.',
  NETWORK_ERROR:
    'Para iniciar sesión se necesita la red y este teléfono no tiene conexión. Compruebe el Wi-Fi o los datos móviles y vuelva a intentarlo.',
  VALIDATION_FAILED: 'Algo del formulario no es válido.',
  UNAUTHENTICATED: 'Su sesión ha terminado. Escanee su credencial para volver a iniciar sesión.',
  unexpected: 'Algo salió mal. Vuelva a intentarlo o avise a su responsable si sigue ocurriendo.',
  foreignBadge: 'Esta credencial pertenece a otra organización. Use su propia credencial para esta tienda.',
  pinIncorrectTries: (tries: number) =>
    tries === 1
      ? 'El PIN no es correcto. Le queda 1 intento antes de que su credencial se bloquee un tiempo.'
      : `El PIN no es correcto. Le quedan ${tries} intentos.`,
};
