/**
 * The Spanish words for every field of the HTTP contract (field-labels.ts has the English, and the
 * keys: this map is typed by them, so a new field cannot miss its Spanish). Spanish sentences need
 * the noun's gender and number: `g: 'f'` for a feminine noun, `pl: true` for a plural one; `one` is
 * what one entry of a list is called (`oneG` its gender, `ones` its plural, for "Elige al menos 2 …").
 * `the` overrides the name with its article ("el código de 6 dígitos de tu app de autenticación").
 */
import type { FieldKey } from './field-labels.js';

export interface SpanishLabel {
  name: string;
  g?: 'f';
  pl?: true;
  the?: string;
  one?: string;
  oneG?: 'f';
  ones?: string;
}

const m = (name: string, more: Omit<SpanishLabel, 'name'> = {}): SpanishLabel => ({ name, ...more });
const f = (name: string, more: Omit<SpanishLabel, 'name' | 'g'> = {}): SpanishLabel => ({
  name,
  g: 'f',
  ...more,
});
const stores = (name: string) => f(name, { pl: true, one: 'tienda', oneG: 'f', ones: 'tiendas' });
const people = (name: string) => f(name, { pl: true, one: 'persona', oneG: 'f', ones: 'personas' });
const privatePart = m('Parte de clave privada', { g: 'f' });

export const FIELD_LABELS_ES: Record<FieldKey, SpanishLabel> = {
  // People and stores
  userPrincipalName: m('Nombre de inicio de sesión'),
  displayName: m('Nombre'),
  employeeId: m('ID de empleado'),
  role: m('Rol'),
  roles: m('Roles', { pl: true, one: 'rol', ones: 'roles' }),
  groupId: f('Tienda'),
  groupIds: stores('Tiendas'),
  groups: stores('Tiendas'),
  accountEnabled: m('Inicio de sesión permitido'),
  search: f('Búsqueda'),
  csv: m('Archivo CSV'),
  dryRun: f('Vista previa'),
  issueBadges: f('Emisión de credenciales'),
  replaceExisting: m('Reemplazo de credenciales'),
  userId: f('Persona'),
  userIds: people('Personas'),
  kioskLanguage: m('Idioma del quiosco'),
  users: people('Personas'),
  // Badges and PINs
  standardQRCode: f('Credencial'),
  startDateTime: f('Fecha de inicio'),
  expireDateTime: f('Fecha de caducidad'),
  pin: m('PIN'),
  'pin.code': m('PIN'),
  currentPin: m('PIN actual', { the: 'tu PIN actual' }),
  newPin: m('PIN nuevo'),
  requestId: m('Solicitud de cambio de PIN', { g: 'f' }),
  requestSecret: m('Clave de la solicitud de cambio de PIN', { g: 'f' }),
  qr: f('Credencial'),
  shortCode: m('Código de la credencial', { the: 'el código impreso en la credencial' }),
  // Policies
  state: m('Estado'),
  includeTargets: stores('Tiendas incluidas'),
  'includeTargets.id': f('Tienda'),
  excludeTargets: stores('Tiendas excluidas'),
  'excludeTargets.id': f('Tienda'),
  pinLength: f('Longitud del PIN'),
  standardQRCodeLifetimeInDays: f('Duración de la credencial estándar'),
  temporaryQRCodeLifetimeInHours: f('Duración de la credencial temporal'),
  mobileDevicesOnly: m('Solo teléfonos y tabletas', { pl: true }),
  '@odata.type': m('Tipo OData'),
  '@odata.context': m('Contexto OData'),
  '@odata.etag': f('ETag de OData'),
  id: m('Id de la directiva'),
  targetType: m('Tipo de destino'),
  isRegistrationRequired: m('Registro obligatorio'),
  lockout: m('Bloqueo', { the: 'la configuración del bloqueo' }),
  threshold: m('Intentos fallidos antes de un bloqueo', { pl: true }),
  baseDelaySeconds: m('Primer bloqueo'),
  growthFactor: m('Factor de crecimiento'),
  maxDelaySeconds: m('Bloqueo más largo'),
  hardLimit: m('Intentos fallidos antes de que un responsable deba desbloquear', { pl: true }),
  clientThreshold: m('Inicios de sesión fallidos por teléfono o red', { pl: true }),
  clientWindowSeconds: m('Periodo de los inicios de sesión fallidos por teléfono o red'),
  kioskIdleSignOutInSeconds: m('Cierre de sesión del quiosco por inactividad'),
  kioskIdleWarningInSeconds: m('Aviso antes de que el quiosco cierre la sesión'),
  kioskOfflineGraceInSeconds: m('Periodo de gracia sin conexión'),
  idleTimeoutInMinutes: m('Límite de inactividad de las sesiones del quiosco en el servidor'),
  consoleIdleTimeoutInMinutes: m('Límite de inactividad de la consola'),
  absoluteTimeoutInHours: f('Sesión más larga'),
  signInLogRetentionInDays: m('Días que se guardan los inicios de sesión', { pl: true }),
  auditLogRetentionInDays: m('Días que se guarda el registro de auditoría', { pl: true }),
  // Kiosk apps
  apps: f('Apps', { pl: true, one: 'app', oneG: 'f', ones: 'apps' }),
  'apps.name': m('Nombre de la app'),
  'apps.url': f('Dirección de la app', { the: 'la dirección web de la app' }),
  // Conditional access
  grant: m('Acceso'),
  conditions: f('Condiciones', { pl: true }),
  'users.include': people('Personas incluidas'),
  'users.exclude': people('Personas excluidas'),
  'groups.include': stores('Tiendas incluidas'),
  'groups.exclude': stores('Tiendas excluidas'),
  'roles.include': m('Roles incluidos', { pl: true, one: 'rol', ones: 'roles' }),
  'roles.exclude': m('Roles excluidos', { pl: true, one: 'rol', ones: 'roles' }),
  'locations.include': f('Redes incluidas', { pl: true, one: 'red', oneG: 'f', ones: 'redes' }),
  'locations.exclude': f('Redes excluidas', { pl: true, one: 'red', oneG: 'f', ones: 'redes' }),
  'apps.include': f('Apps incluidas', { pl: true, one: 'app', oneG: 'f', ones: 'apps' }),
  'apps.exclude': f('Apps excluidas', { pl: true, one: 'app', oneG: 'f', ones: 'apps' }),
  include: m('Incluidos', { pl: true }),
  exclude: m('Excluidos', { pl: true }),
  locations: f('Redes', { pl: true, one: 'red', oneG: 'f', ones: 'redes' }),
  cidrs: m('Rangos de direcciones', { pl: true, one: 'rango de direcciones', ones: 'rangos de direcciones' }),
  deviceStates: m('Estados del dispositivo', {
    pl: true,
    one: 'estado del dispositivo',
    ones: 'estados del dispositivo',
  }),
  signInMethods: m('Métodos de inicio de sesión', {
    pl: true,
    one: 'método de inicio de sesión',
    ones: 'métodos de inicio de sesión',
  }),
  timeWindows: f('Franjas horarias', {
    pl: true,
    one: 'franja horaria',
    oneG: 'f',
    ones: 'franjas horarias',
  }),
  days: m('Días', { pl: true, one: 'día', ones: 'días' }),
  start: f('Hora de inicio'),
  end: f('Hora de fin'),
  timeZone: f('Zona horaria'),
  hours: m('Horario'),
  appId: f('App'),
  ipAddress: f('Dirección IP'),
  dateTime: f('Fecha y hora'),
  device: m('Dispositivo'),
  'device.deviceId': m('Quiosco'),
  deviceId: m('Quiosco'),
  enrolled: m('Registro'),
  compliant: f('Conformidad'),
  attestationFresh: f('Comprobación reciente del dispositivo'),
  // Store apps (single sign-on)
  enabled: f('Activación'),
  clientType: m('Tipo de app'),
  tokenEndpointAuthMethod: f('Forma en que la app demuestra quién es'),
  redirectUris: f('Direcciones de retorno', {
    pl: true,
    one: 'dirección de retorno',
    oneG: 'f',
    ones: 'direcciones de retorno',
  }),
  postLogoutRedirectUris: f('Direcciones tras cerrar sesión', {
    pl: true,
    one: 'dirección tras cerrar sesión',
    oneG: 'f',
    ones: 'direcciones tras cerrar sesión',
  }),
  backchannelLogoutUri: f('Dirección del aviso de cierre de sesión'),
  homeUrl: f('Dirección de la página de inicio'),
  jwks: f('Claves públicas', { pl: true, one: 'clave', oneG: 'f', ones: 'claves' }),
  keys: f('Claves públicas', { pl: true, one: 'clave', oneG: 'f', ones: 'claves' }),
  kty: m('Tipo de clave'),
  kid: m('Nombre de la clave'),
  use: m('Uso de la clave'),
  alg: m('Algoritmo de la clave'),
  crv: f('Curva de la clave'),
  d: privatePart,
  p: privatePart,
  q: privatePart,
  dp: privatePart,
  dq: privatePart,
  qi: privatePart,
  oth: privatePart,
  k: privatePart,
  x: f('Clave pública'),
  y: f('Clave pública'),
  // Devices (kiosk mode)
  status: m('Estado'),
  action: f('Acción'),
  publicKeyJwk: f('Clave del dispositivo'),
  attestation: m('Certificado del dispositivo'),
  proof: f('Prueba del dispositivo'),
  nonce: m('Desafío del dispositivo'),
  signature: f('Firma'),
  appVersion: f('Versión de la app'),
  reasons: m('Motivos', { pl: true, one: 'motivo', ones: 'motivos' }),
  source: m('Origen'),
  method: m('Método de inicio de sesión'),
  // Console sign-in, set-up and API tokens
  password: f('Contraseña'),
  code: m('Código de autenticación', { the: 'el código de 6 dígitos de tu app de autenticación' }),
  recoveryCode: m('Código de recuperación'),
  challenge: m('Paso de inicio de sesión'),
  token: m('Enlace', { the: 'el enlace que recibiste' }),
  scopes: m('Permisos', { pl: true, one: 'permiso', ones: 'permisos' }),
  // Lists, logs and reports
  limit: m('Tamaño de página'),
  cursor: f('Página'),
  from: f('Fecha de inicio'),
  to: f('Fecha de fin'),
  result: m('Resultado'),
  failureCode: m('Motivo del fallo'),
  withinDays: m('Días de antelación', { pl: true }),
  // Webhooks
  url: f('Dirección', { the: 'una dirección https:// completa' }),
  events: m('Eventos', { pl: true, one: 'evento', ones: 'eventos' }),
  description: f('Descripción'),
};
