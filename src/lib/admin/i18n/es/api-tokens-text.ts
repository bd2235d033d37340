/** Spanish for the API tokens page (src/lib/admin/api-tokens-text.ts is the reference). */
import type { apiTokensText as english } from '../../api-tokens-text';

export const apiTokensText: typeof english = {
  title: 'Tokens de API',
  intro:
    'Un token de API permite que un script u otro sistema use la API de Shiftpass en tu nombre, solo para lo que le permitas, hasta que caduque o se revoque.',
  adminsOnly: 'Solo los administradores pueden gestionar tokens de API.',
  emptyTitle: 'Todavía no hay tokens de API.',
  emptyText: 'Crea uno arriba cuando un script u otro sistema necesite usar Shiftpass.',
  createTitle: 'Crear un token',
  name: 'Nombre',
  nameHint: 'Para qué es el token, p. ej. «Sincronización de nóminas» (hasta 80 caracteres).',
  expiry: 'Caduca al final del día',
  expiryHint: 'Como mucho un año desde hoy. Todos los tokens caducan; crea uno nuevo antes.',
  scopes: '¿Qué puede hacer este token?',
  scopesHint: 'Marca solo lo que necesita la herramienta. Al principio no hay nada marcado.',
  scopesError: 'Elige al menos una cosa que pueda hacer este token.',
  create: 'Crear token',
  creating: 'Creando…',
  newTitle: (name: string) => `Tu nuevo token «${name}»`,
  newWarning:
    'Cópialo ahora y guárdalo en un lugar seguro. Solo se muestra esta vez y no se volverá a mostrar.',
  newLabel: 'Token',
  done: 'He copiado el token',
  listTitle: 'Tokens',
  columns: {
    name: 'Nombre',
    access: 'Acceso',
    createdBy: 'Creado por',
    created: 'Creado',
    expires: 'Caduca',
    lastUsed: 'Último uso',
    state: 'Estado',
    actions: 'Acciones',
  },
  never: 'Nunca',
  noExpiry: 'Sin caducidad',
  states: { active: 'Activo', expired: 'Caducado', revoked: 'Revocado' },
  revoke: 'Revocar',
  confirmTitle: '¿Revocar este token?',
  confirmText: (name: string) =>
    `«${name}» deja de funcionar al instante. Todo lo que lo use será rechazado. No se puede deshacer.`,
  confirmRevoke: 'Revocar token',
  cancel: 'Cancelar',
  revoked: (name: string) => `«${name}» se ha revocado.`,
  created: (name: string) => `Token «${name}» creado.`,
  nameError: 'Escribe un nombre de 1 a 80 caracteres.',
  expiryError: 'Elige una fecha desde hoy hasta dentro de un año.',
  reauthCancelled: 'No se creó el token: antes hay que confirmar que eres tú.',
  scopeWords: {
    'devices.compliance.write': {
      label: 'Informar del cumplimiento de los dispositivos (para tu MDM)',
      hint: 'Marcar los teléfonos de quiosco como conformes o no, y ver la lista de teléfonos para encontrarlos.',
      short: 'Informar del cumplimiento',
    },
    'devices.read': {
      label: 'Ver los teléfonos de quiosco',
      hint: 'Los teléfonos, sus tiendas y su estado.',
      short: 'Ver teléfonos de quiosco',
    },
    'logs.read': {
      label: 'Leer los registros',
      hint: 'Registros de inicio de sesión y de auditoría e informes, con sus descargas.',
      short: 'Leer registros',
    },
    'users.read': {
      label: 'Ver personas',
      hint: 'Personas, tiendas y si tienen credencial.',
      short: 'Ver personas',
    },
    'users.write': {
      label: 'Cambiar personas',
      hint: 'Añadir, cambiar y quitar personas y tiendas, emitir credenciales y restablecer PIN. Incluye verlas.',
      short: 'Cambiar personas',
    },
    scim: {
      label: 'Altas y bajas de personas desde RR. HH. o Microsoft Entra (SCIM)',
      hint: 'Añadir, cambiar, desactivar y quitar personas y tiendas desde tu herramienta de RR. HH. Nunca crea ni cambia administradores.',
      short: 'Altas y bajas (SCIM)',
    },
    'scim.admins': {
      label: 'Altas y bajas (SCIM), administradores incluidos',
      hint: 'Como las altas y bajas, y además puede hacer administradores y cambiarlos. Solo para una herramienta en la que confíes tanto como en un administrador.',
      short: 'Altas y bajas (SCIM), con administradores',
    },
    'admin.full': {
      label:
        'Acceso de administrador completo: puede hacer todo lo que hace un administrador, incluido invitar administradores',
      hint: 'Solo para una herramienta en la que confíes tanto como en un administrador. Quien tenga el token puede hacerse con cualquier cuenta de administrador.',
      short: 'Acceso de administrador completo',
    },
  },
  neverExpires: 'No caduca nunca',
  expired: (date: string) => `Caducado (${date})`,
  expiresIn: (days: number, date: string) =>
    days === 0
      ? `Caduca hoy (${date})`
      : days === 1
        ? `Caduca en 1 día (${date})`
        : `Caduca en ${days} días (${date})`,
  warnNeverExpires: 'No caduca nunca: sustitúyelo por uno que caduque.',
  warnFullAdmin:
    'Puede invitar administradores: si la herramienta necesita menos, sustitúyelo por un token más limitado.',
};
