/**
 * The error messages in Spanish: every error code's default sentence (ERRORS in errors.ts has the
 * English) and every sentence services give (error-text.ts has the English, and the keys). Short,
 * plain Spanish a store manager in Spain or Latin America reads: "tienda", "persona", "credencial"
 * for badge, "quiosco" for kiosk, "nombre de inicio de sesión" for sign-in name.
 */
import type { ErrorCode } from './errors.js';
import type { ErrorText, ListPart, PinRefusal, QrCodeKind } from './error-text.js';
import { spanishPhrase } from './spanish-phrases.js';

const numbers = new Intl.NumberFormat('es');
const n = (value: number) => numbers.format(value);
const listed = (part: ListPart, feminine: boolean) =>
  part === 'include' ? (feminine ? 'incluidas' : 'incluidos') : feminine ? 'excluidas' : 'excluidos';
const quotedList = (names: readonly string[]) => names.map((name) => `«${name}»`).join(', ');
const kindOf = (kind: QrCodeKind) => (kind === 'standard' ? 'estándar' : 'temporal');

export const ERROR_CODE_TEXT_ES: Record<ErrorCode, string> = {
  INVALID_JSON: 'El cuerpo de la solicitud no es JSON válido.',
  VALIDATION_FAILED: 'La solicitud no es válida.',
  UNSUPPORTED_MEDIA_TYPE: 'Envía el cuerpo como application/json.',
  PAYLOAD_TOO_LARGE: 'El cuerpo de la solicitud es demasiado grande.',
  UNAUTHENTICATED: 'Inicia sesión primero.',
  FORBIDDEN: 'No tienes permiso para hacer esto.',
  TOKEN_SCOPE_MISSING: 'Este token de API no tiene el permiso que esto necesita; `scope` lo indica.',
  NOT_FOUND: 'No se encontró.',
  METHOD_NOT_ALLOWED: 'Este método no está permitido aquí.',
  USER_ALREADY_EXISTS: 'Ya existe una persona con este nombre de inicio de sesión.',
  GROUP_NOT_FOUND: 'Una de las tiendas indicadas no existe.',
  GROUP_IN_USE: 'Una directiva nombra esta tienda; quítala primero de la directiva.',
  LAST_ADMIN: 'No quedaría ningún administrador activo.',
  CANNOT_REMOVE_SELF: 'No puedes eliminar ni desactivar tu propia cuenta.',
  ACTIVE_QR_CODE_EXISTS: 'Esta persona ya tiene una credencial activa de este tipo.',
  QR_CODE_NOT_RECOGNIZED: 'No se reconoce esta credencial.',
  QR_CODE_EXPIRED: 'Esta credencial ha caducado.',
  QR_CODE_NOT_YET_ACTIVE: 'Esta credencial todavía no está activa.',
  PIN_INCORRECT: 'El PIN no es correcto.',
  METHOD_LOCKED: 'Demasiados PIN incorrectos. Vuelve a intentarlo más tarde.',
  TOO_MANY_ATTEMPTS:
    'Demasiados inicios de sesión fallidos desde este dispositivo o esta red. Vuelve a intentarlo más tarde.',
  METHOD_DISABLED_BY_POLICY: 'El inicio de sesión con credencial no está activado para esta persona.',
  MOBILE_DEVICE_REQUIRED:
    'El inicio de sesión con credencial solo funciona en teléfonos, tabletas y quioscos de la tienda, no en un navegador de escritorio.',
  ACCESS_BLOCKED_BY_POLICY: 'Una directiva de acceso bloqueó el inicio de sesión.',
  PIN_CHANGE_REQUIRED: 'Elige un PIN nuevo para continuar.',
  PIN_POLICY_VIOLATION: 'El PIN no cumple las reglas de PIN.',
  CREDENTIALS_INCORRECT: 'El nombre de usuario o la contraseña no son correctos.',
  AUTHENTICATION_CODE_INCORRECT:
    'El código no es correcto o ya se usó. Espera al siguiente código y vuelve a intentarlo.',
  ACCOUNT_LOCKED: 'Demasiados inicios de sesión fallidos. Vuelve a intentarlo más tarde.',
  SIGN_IN_CHALLENGE_INVALID: 'Este inicio de sesión caducó o ya se completó. Vuelve a iniciar sesión.',
  REAUTHENTICATION_REQUIRED: 'Confirma tu contraseña y tu código de autenticación para continuar.',
  ORIGIN_NOT_ALLOWED: 'Esta solicitud no procede de este sitio.',
  CONSOLE_ACCESS_NOT_ALLOWED:
    'Solo se puede invitar a la consola a responsables y administradores con el inicio de sesión activado.',
  INVITATION_INVALID:
    'Este enlace de invitación no es válido, caducó o ya se usó. Pide uno nuevo a un administrador.',
  PUBLIC_ORIGIN_REQUIRED:
    'Este servidor no conoce la dirección que usan las personas, así que no puede crear un enlace. Define PUBLIC_ORIGIN (por ejemplo, https://shiftpass.example.com) y reinícialo.',
  SECOND_FACTOR_REQUIRED:
    'Una directiva de acceso exige un segundo factor que este método de inicio de sesión no puede dar.',
  DEVICE_PROOF_INVALID: 'La prueba del dispositivo está mal formada o no corresponde a esta solicitud.',
  DEVICE_TOKEN_ALGORITHM_REFUSED:
    'La prueba o el certificado del dispositivo usan un algoritmo que este servidor no acepta.',
  DEVICE_NONCE_UNKNOWN: 'La prueba del dispositivo nombra un desafío que este servidor no emitió.',
  DEVICE_NONCE_EXPIRED: 'El desafío de la prueba del dispositivo caducó. Pide uno nuevo.',
  DEVICE_NONCE_REPLAYED: 'El desafío de la prueba del dispositivo ya se usó.',
  DEVICE_KEY_MISMATCH: 'La prueba no está firmada con la clave registrada de este dispositivo.',
  DEVICE_ATTESTATION_INVALID:
    'El certificado del dispositivo no es válido (está alterado o no lo emitió este servidor).',
  DEVICE_ATTESTATION_EXPIRED: 'El certificado del dispositivo caducó.',
  DEVICE_NOT_ENROLLED: 'Este dispositivo no está registrado.',
  DEVICE_SUSPENDED: 'Este dispositivo está suspendido. Un responsable puede reanudarlo.',
  DEVICE_REVOKED: 'Este dispositivo se revocó. Un responsable debe registrarlo de nuevo.',
  DEVICE_ALREADY_ENROLLED: 'La clave de este dispositivo ya está registrada.',
  DEVICE_ALREADY_REVOKED: 'Este dispositivo se revocó y no se puede cambiar. Registra el teléfono de nuevo.',
  NAMED_LOCATION_IN_USE:
    'Una directiva de acceso condicional nombra esta ubicación; quítala primero de la directiva.',
  APP_IN_USE: 'Una directiva de acceso condicional nombra esta app; quítala primero de la directiva.',
  NAME_ALREADY_EXISTS: 'Ya existe algo de este tipo con este nombre.',
  APP_HAS_NO_SECRET:
    'Esta app no tiene un secreto de cliente que cambiar (es pública o inicia sesión con sus propias claves).',
  SETUP_LINK_INVALID: 'Este enlace de configuración no es válido, caducó o ya se usó.',
  OIDC_INTERACTION_NOT_FOUND:
    'Este inicio de sesión en la app caducó o ya se completó. Vuelve a abrir la app.',
  OIDC_KIOSK_SESSION_REQUIRED:
    'Las apps inician sesión desde el quiosco: inicia sesión allí con tu credencial y tu PIN.',
  OIDC_FRESH_SIGN_IN_REQUIRED:
    'Esta app te pide que vuelvas a iniciar sesión: escanea tu credencial y escribe tu PIN.',
  APPROVER_NOT_A_MANAGER:
    'Esta credencial no es de un responsable. Pide ayuda a un responsable de tu tienda.',
  APPROVER_NOT_OF_STORE:
    'Esta persona no es responsable de ninguna de tus tiendas. Pide ayuda a un responsable de tu tienda.',
  APPROVER_IS_REQUESTER: 'No puedes aprobar tu propia solicitud. Pide ayuda a un responsable de tu tienda.',
  PIN_RESET_NEEDS_ADMIN:
    'El PIN de un responsable o de un administrador no se puede restablecer en un quiosco. Pide a un administrador que lo restablezca.',
  PIN_RESET_REQUEST_INVALID: 'Este teléfono no conoce esta solicitud de cambio de PIN. Empieza de nuevo.',
  PIN_RESET_REQUEST_USED: 'Esta solicitud de cambio de PIN ya se aprobó, se usó o se canceló.',
  PIN_RESET_REQUEST_EXPIRED: 'Esta solicitud de cambio de PIN caducó (10 minutos). Empieza de nuevo.',
  PIN_RESET_NOT_APPROVED: 'Ningún responsable ha aprobado todavía este cambio de PIN.',
  PIN_RESET_DECLINED: 'Un responsable rechazó este cambio de PIN.',
  PIN_RESET_TOO_MANY_REQUESTS:
    'Demasiadas solicitudes de cambio de PIN para esta credencial. Vuelve a intentarlo más tarde.',
  APPROVALS_TOO_MANY:
    'Este responsable aprobó demasiados cambios de PIN en la última hora. Vuelve a intentarlo más tarde.',
  STEP_UP_CHALLENGE_NOT_FOUND:
    'Esta confirmación de responsable no se conoce aquí. Escanea tu credencial y escribe tu PIN de nuevo.',
  STEP_UP_CHALLENGE_EXPIRED:
    'Esta confirmación de responsable ha caducado. Escanea tu credencial y escribe tu PIN de nuevo.',
  STEP_UP_CHALLENGE_USED:
    'Esta confirmación de responsable ya se usó. Escanea tu credencial y escribe tu PIN de nuevo.',
  STEP_UP_DEVICE_MISMATCH: 'Este inicio de sesión debe confirmarse en el teléfono donde empezó.',
  WEBHOOK_NOT_FOUND: 'Este webhook no existe.',
  WEBHOOK_URL_INVALID:
    'La dirección del webhook debe ser completa, como https://siem.example.com/shiftpass, con un nombre de host que exista, sin usuario, contraseña ni parte #.',
  WEBHOOK_URL_NOT_HTTPS: 'La dirección del webhook debe empezar por https://.',
  WEBHOOK_URL_PRIVATE_ADDRESS:
    'La dirección del webhook lleva a una red privada o local. Usa una dirección pública, o pide a quien administra el servidor que permita este host (SHIFTPASS_WEBHOOK_ALLOWED_HOSTS).',
  WEBHOOK_LIMIT_REACHED:
    'Esta instalación ya tiene el máximo de webhooks permitido (20). Elimina uno primero.',
  WEBHOOK_DELIVERY_NOT_FOUND: 'Este envío de webhook no existe (o tiene más de 30 días).',
  WEBHOOK_DELIVERY_NOT_FAILED:
    'Solo se puede reintentar un envío fallido; este se entregó o aún se está intentando.',
  INTERNAL_ERROR: 'Algo salió mal en el servidor.',
};

const PIN_RULES_ES: Record<string, (refusal: PinRefusal) => string> = {
  digits_only: () => 'El PIN solo puede tener cifras del 0 al 9.',
  length: (r) => `El PIN debe tener de ${n(r.minLength)} a ${n(r.maxLength)} cifras.`,
  repeated_pattern: () =>
    'El PIN no puede ser casi todo la misma cifra ni un grupo repetido (como 11111118, 12121212 o 19471947).',
  sequential_digits: () =>
    'El PIN no puede tener varias cifras seguidas en orden ascendente o descendente (como 12345).',
  date: () => 'El PIN no puede ser una fecha, ni años y fechas juntos (como 27051984 o 19841990).',
  counting: () =>
    'Los números que cuentan hacia arriba o hacia abajo a saltos o por parejas, como 13579135 o 10203040, son demasiado fáciles de adivinar.',
  keypad_shape: () =>
    'Las formas en el teclado, como 14789632, o las filas, como 78945612, son demasiado fáciles de adivinar.',
  mirrored: () => 'Un grupo seguido de su inverso, como 12344321, es demasiado fácil de adivinar.',
  shuffled_run: () =>
    'Las cifras del 1 al 8 (u otra serie de cifras) desordenadas, como 15426378, son demasiado fáciles de adivinar.',
  common_pin: () =>
    'Los números conocidos, como 31415926 (pi) o 11235813, son demasiado fáciles de adivinar.',
  same_as_current: () => 'El PIN nuevo debe ser distinto del actual.',
};

/** A phrase from a module that speaks English only, as a Spanish sentence (or a plain refusal). */
const sentenceOf = (english: string, fallback: string) => {
  const said = spanishPhrase(english);
  if (!said) return fallback;
  return 'sentence' in said ? said.sentence : fallback;
};

export const errorTextEs: ErrorText = {
  noSuchRoute: 'Esta ruta de la API no existe.',
  apiTokenInvalid: 'El token de API no es válido.',
  tokenNeedsScope: (scope) => `Este token de API necesita el permiso ${scope}.`,
  adminNeedsFullScope: 'Para cambiar un administrador, o crear uno, hace falta admin.full.',
  pageNotOfList: 'Esta página no es de esta lista: vuelve a empezar desde la primera página.',
  noSuchUser: 'Ninguna persona tiene este id.',
  noSuchStore: 'Ninguna tienda tiene este id.',
  noSuchApp: 'Ninguna app tiene este id.',
  noSuchApiToken: 'Ningún token de API tiene este id.',
  noSuchDevice: 'Ningún dispositivo tiene este id.',
  noSuchAccessPolicy: 'Ninguna directiva de acceso condicional tiene este id.',
  noSuchNamedLocation: 'Ninguna ubicación con nombre tiene este id.',
  noSuchPinResetRequest: 'Esta persona no tiene ninguna solicitud de cambio de PIN con este id.',
  pinResetNeedsPerson:
    'Un cambio de PIN lo aprueba un responsable o un administrador en la consola, no un token de API.',
  noQrPinMethod: 'Esta persona no tiene credencial con PIN.',
  noQrCodeOfKind: (kind) => `Esta persona no tiene credencial ${kindOf(kind)}.`,
  personDeletedDuringImport: 'esta persona se eliminó durante la importación',
  activeQrCodeExists: (kind) =>
    `Esta persona ya tiene una credencial ${kindOf(kind)} sin caducar. Elimínala primero.`,
  activeQrCodeOrMethodExists: (kind) =>
    `Esta persona ya tiene una credencial ${kindOf(kind)} sin caducar. Elimínala (o elimina el método) primero.`,
  qrCodeStartsTooLate: (days) =>
    `Una credencial puede programarse para empezar como máximo dentro de ${n(days)} días.`,
  qrCodeExpiryNotAfterStart: 'La fecha de caducidad debe estar en el futuro y ser posterior a la de inicio.',
  qrCodeLivesTooLong: (kind, amount) =>
    `Una credencial ${kindOf(kind)} dura como máximo ${n(amount)} ${kind === 'standard' ? 'días' : 'horas'}.`,
  qrCodeLivesTooShort: (kind, amount) =>
    `Una credencial ${kindOf(kind)} dura como mínimo ${n(amount)} ${kind === 'standard' ? (amount === 1 ? 'día' : 'días') : amount === 1 ? 'hora' : 'horas'} desde su inicio.`,
  qrCodeStartFixed:
    'De una credencial estándar ya emitida solo se puede cambiar la caducidad. No envíes la fecha de inicio, o elimina la credencial y emite una nueva.',
  qrCodeNewExpiryMissing: 'Indica la nueva fecha de caducidad.',
  temporaryQrCodeFixed: 'Una credencial temporal no se puede cambiar. Elimínala y emite una nueva.',
  pinRule: (refusal) => PIN_RULES_ES[refusal.rule]?.(refusal) ?? 'El PIN no cumple las reglas de PIN.',
  badgesForOwnStoresOnly: 'Solo puedes emitir credenciales para tus propias tiendas.',
  chosenPeopleLeftStore:
    'Algunas de las personas elegidas ya no están en esta tienda. Vuelve a cargar la página y elige de nuevo.',
  tooManyBadgesToReplace: (max, has) =>
    `Solo se pueden reemplazar credenciales de ${n(max)} personas como máximo a la vez; esta tienda tiene ${n(has)}.`,
  policyStoreMissing: 'Una tienda de esta directiva ya no existe.',
  longestLockTooShort: 'El bloqueo más largo no puede ser más corto que el primer bloqueo.',
  hardLimitBelowThreshold:
    'Los intentos fallidos antes de que un responsable deba desbloquear no pueden ser menos que los intentos antes de un bloqueo.',
  kioskWarningTooLong:
    'El aviso «¿Sigues ahí?» debe durar menos que el tiempo que tarda el quiosco en cerrar la sesión.',
  storeInQrPinPolicy: (included, leftOut) =>
    `La directiva de credenciales con PIN nombra esta tienda en ${[included && 'Tiendas incluidas', leftOut && 'Tiendas excluidas'].filter(Boolean).join(' y ')}; quítala allí primero.`,
  storeInAccessPolicy: (names) =>
    `La directiva de acceso condicional ${quotedList(names)} nombra esta tienda; quítala allí primero.`,
  signInsOfOwnStoresOnly: 'Solo puedes ver los inicios de sesión de tus propias tiendas.',
  chosenStoreMissing: 'Una de las tiendas elegidas no existe.',
  storeMissing: 'La tienda elegida no existe.',
  appNameTaken: (name) => `Ya existe una app llamada «${name}».`,
  keysOnlyForPrivateKeyJwt:
    'Las claves públicas son solo para apps que demuestran quiénes son con sus propias claves (private_key_jwt).',
  publicKeyRefused: (position, problem) => {
    const said = spanishPhrase(problem, { g: 'f' });
    return said && 'predicate' in said
      ? `La clave ${n(position)} ${said.predicate}.`
      : `La clave ${n(position)} no es una clave pública válida.`;
  },
  appInUse: (names) => `La directiva de acceso ${quotedList(names)} nombra esta app; quítala allí primero.`,
  personInPolicyMissing: (part, id) =>
    `Una persona de «Personas ${listed(part, true)}» ya no existe (${id}).`,
  storeInPolicyMissing: (part) => `Una tienda de «Tiendas ${listed(part, true)}» ya no existe.`,
  appInPolicyMissing: (part, id) => `Una app de «Apps ${listed(part, true)}» ya no existe (${id}).`,
  locationInPolicyMissing: (part, id) =>
    `Una ubicación con nombre de «Ubicaciones ${listed(part, true)}» ya no existe (${id}).`,
  accessPolicyNameTaken: (name) => `Ya existe una directiva de acceso condicional llamada «${name}».`,
  namedLocationNameTaken: (name) => `Ya existe una ubicación con nombre llamada «${name}».`,
  locationInUse: (names) => `La directiva ${quotedList(names)} nombra esta ubicación; quítala allí primero.`,
  whatIfNoPerson: 'La persona elegida no existe.',
  whatIfNoKiosk: 'El quiosco elegido no existe.',
  whatIfNoApp: 'La app elegida no existe.',
  tooManyNoncesFromDevice: 'Este dispositivo pidió demasiados desafíos. Vuelve a intentarlo más tarde.',
  tooManyNoncesFromNetwork: 'Se pidieron demasiados desafíos desde esta red. Vuelve a intentarlo más tarde.',
  enrolmentSignatureInvalid: 'La firma del registro no se puede verificar con la clave pública enviada.',
  onlyStoreManagerEndsKiosk:
    'Solo un responsable de la tienda de este dispositivo puede salir del modo quiosco.',
  tokenExpiryInPast: 'La fecha de caducidad debe estar en el futuro.',
  tokenExpiryTooFar: (days) => `La fecha de caducidad debe ser como máximo dentro de ${n(days)} días.`,
  importTooBig: (megabytes) => `Un archivo puede ocupar como máximo ${n(megabytes)} MB; divídelo.`,
  importTooManyRows: (max, has) =>
    `Un archivo puede tener como máximo ${n(max)} personas; este tiene ${n(has)}. Divídelo.`,
  importEmpty: 'El archivo CSV está vacío: su primera fila debe nombrar las columnas.',
  importUnreadable: () =>
    'No se puede leer el archivo CSV: revisa que cada comilla esté cerrada y que las filas estén separadas por comas.',
  importHeader: (problem) =>
    sentenceOf(
      problem,
      'La fila de encabezado del archivo CSV no es válida: revisa los nombres de las columnas.',
    ),
};
