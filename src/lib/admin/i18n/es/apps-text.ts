/** Spanish for the Apps page (src/lib/admin/apps-text.ts is the reference). */
import type { appsText as english } from '../../apps-text';

export const appsText: typeof english = {
  title: 'Aplicaciones',
  navLabel: 'Aplicaciones',
  intro:
    'Apps de la tienda en las que las personas inician sesión con Shiftpass (OpenID Connect). Una persona toca la app en el inicio del quiosco y entra sin escribir nada; cuando cierra la sesión del teléfono, se avisa a la app.',
  adminsOnly: 'Solo los administradores pueden ver y registrar apps.',
  listTitle: 'Apps registradas',
  emptyTitle: 'Todavía no hay apps.',
  emptyText: 'Registra la primera abajo.',
  columns: {
    name: 'Nombre',
    type: 'Tipo',
    redirectUris: 'URI de redirección',
    stores: 'Se muestra en las tiendas',
    status: 'Estado',
    actions: 'Acciones',
  },
  kinds: {
    public: 'Pública (PKCE, sin secreto)',
    secret: 'Confidencial (secreto de cliente)',
    keys: 'Confidencial (sus propias claves)',
  },
  on: 'Activada',
  off: 'Desactivada',
  edit: 'Editar',
  rotate: 'Cambiar el secreto',
  disable: 'Desactivar',
  enable: 'Activar',
  delete: 'Eliminar',
  cancel: 'Cancelar',
  formNew: 'Registrar una app',
  formEdit: (name: string) => `Editar «${name}»`,
  name: 'Nombre de la app',
  nameHint: 'Lo que ven las personas en el inicio del quiosco, por ejemplo «Horario» o «Nóminas».',
  nameTaken: 'Otra app ya tiene este nombre. Elige otro.',
  kind: 'Tipo de app',
  kindHint:
    'Pregunta a quien desarrolla la app. Una app pública funciona entera en el navegador o en el teléfono y no puede guardar un secreto; una app confidencial tiene su propio servidor.',
  kindChoices: {
    public: 'App pública: funciona en el navegador o en el teléfono, no tiene secreto',
    secret: 'App confidencial con secreto de cliente (Shiftpass te lo crea)',
    keys: 'App confidencial que se identifica con sus propias claves (private_key_jwt)',
  },
  kindFixed: 'El tipo no se puede cambiar. Para cambiarlo, registra la app de nuevo y elimina esta.',
  jwks: 'Claves públicas (conjunto de claves JSON)',
  jwksHint:
    'Pega las claves públicas que te da quien desarrolla la app ({"keys": [...]}). Nunca pegues una clave privada: Shiftpass la rechaza.',
  redirectUris: 'URI de redirección (una por línea)',
  redirectUrisHint:
    'Después de iniciar sesión, Shiftpass devuelve a la persona a la app en una de estas direcciones, y en ninguna otra. Quien desarrolla la app te dice cuáles. Cada una debe empezar por https:// (http://localhost solo durante el desarrollo).',
  postLogoutRedirectUris: 'Direcciones tras cerrar sesión (opcional, una por línea)',
  postLogoutRedirectUrisHint:
    'Adónde puede enviar la app a una persona después de cerrar sesión en ella. Mismas reglas que las URI de redirección.',
  backchannelLogoutUri: 'URI de cierre de sesión por canal secundario (opcional)',
  backchannelLogoutUriHint:
    'Shiftpass avisa a la app cuando la persona cierra la sesión del teléfono, llamando a esta dirección, para que la siguiente persona de un teléfono compartido nunca encuentre a la anterior todavía dentro de la app. Recomendado.',
  homeUrl: 'Dirección de inicio en el quiosco (opcional)',
  homeUrlHint:
    'Dónde abre el quiosco la app cuando una persona la toca en la pantalla de inicio, normalmente la página de inicio de sesión de la app. Déjalo vacío si la app no se abre desde el quiosco.',
  stores: 'Qué tiendas la ven en el inicio del quiosco',
  allStores: 'Todas las tiendas',
  someStores: 'Solo estas tiendas',
  chooseStores: 'Elegir tiendas',
  deletedStore: 'una tienda eliminada',
  noStores: 'Todavía no hay tiendas: la app se muestra en todas.',
  enabled: 'Activada: las personas pueden iniciar sesión en esta app',
  enabledHint: 'Desactívala para parar todos los inicios de sesión en la app sin eliminarla.',
  register: 'Registrar la app',
  registering: 'Registrando…',
  save: 'Guardar los cambios',
  saving: 'Guardando…',
  saved: (name: string) => `Se guardó «${name}».`,
  turnedOn: (name: string) => `«${name}» está activada.`,
  turnedOff: (name: string) => `«${name}» está desactivada: nadie puede iniciar sesión en ella.`,
  deleted: (name: string) => `Se eliminó «${name}».`,
  fixBelow: 'No se guardó nada. Revisa los campos marcados abajo.',
  reauthCancelled: 'No se cambió nada: confirma tu contraseña y tu código para cambiar las apps.',
  createdTitle: (name: string) => `«${name}» está registrada`,
  rotatedTitle: (name: string) => `Nuevo secreto de cliente para «${name}»`,
  createdIntro: 'Da estos datos a quien desarrolla la app para que pueda conectarla a Shiftpass.',
  secretWarning:
    'Copia ahora el secreto de cliente y dáselo a quien desarrolla la app de forma segura (no por correo en texto plano). No se volverá a mostrar. Si se pierde, cambia el secreto.',
  rotatedWarning:
    'El secreto anterior ha dejado de funcionar. Copia este ahora y dáselo a quien desarrolla la app: hasta que la app lo use, los inicios de sesión en ella fallan. No se volverá a mostrar.',
  clientId: 'ID de cliente',
  clientSecret: 'Secreto de cliente',
  discoveryUrl: 'URL de descubrimiento (para quien desarrolla la app)',
  discoveryHint: 'La app encuentra aquí todo lo demás (direcciones, claves).',
  done: 'Hecho, ya lo he copiado',
  close: 'Cerrar',
  confirmRotateTitle: '¿Cambiar el secreto de cliente?',
  confirmRotateText: (name: string) =>
    `«${name}» recibe un secreto nuevo, que se muestra una vez. El anterior deja de funcionar al instante: la app no puede iniciar la sesión de nadie hasta que se ponga el nuevo.`,
  confirmRotate: 'Cambiar el secreto',
  confirmDeleteTitle: '¿Eliminar esta app?',
  confirmDeleteText: (name: string) =>
    `«${name}» desaparece del inicio del quiosco y nadie podrá volver a iniciar sesión en ella. No se puede deshacer: para usarla otra vez, regístrala de nuevo y da el nuevo ID de cliente a quien la desarrolla.`,
  confirmDelete: 'Eliminar la app',
  noSecretToRotate: 'Esta app no tiene secreto de cliente que cambiar.',
  problems: {
    nameMissing: 'Ponle un nombre a la app.',
    nameTooLong: 'Usa como mucho 80 caracteres.',
    addressMissing: 'Añade al menos una dirección.',
    tooManyAddresses: 'Pon como mucho 10 direcciones.',
    line: (line: number, problem: string) => `Línea ${line}: ${problem}`,
    key: (key: number, member: string | undefined, problem: string) =>
      member ? `Clave ${key} («${member}»): ${problem}` : `Clave ${key}: ${problem}`,
    keysMissing: 'Pega las claves públicas de la app.',
    keysNotJson: 'No es un JSON válido. Pega el conjunto de claves tal como te lo dieron.',
    storesMissing: 'Elige al menos una tienda, o elige «Todas las tiendas».',
    urlNotAddress: 'Debe ser una dirección web completa, como https://app.example.com/callback.',
    urlTooLong: (max: number) => `Debe tener como mucho ${max} caracteres.`,
    urlNotHttps:
      'Debe empezar por https:// (http:// solo para localhost o 127.0.0.1, durante el desarrollo).',
    urlFragment: 'No debe llevar un fragmento #.',
    urlCredentials: 'No debe llevar un nombre de usuario ni una contraseña.',
  },
  notices: {
    title: 'Avisos de cierre de sesión',
    intro:
      'Cuando termina la sesión de una persona en un teléfono, Shiftpass avisa a esta app para que la siguiente persona nunca la encuentre dentro.',
    notTold:
      'Shiftpass no avisa a esta app cuando una persona cierra la sesión de un teléfono, así que la siguiente podría encontrarla todavía dentro: para arreglarlo, escribe arriba la URI de cierre de sesión por canal secundario de la app (te la puede dar quien la desarrolla) y guarda.',
    loading: 'Cargando los avisos de cierre de sesión…',
    empty:
      'Todavía no hay avisos de cierre de sesión. Aparece uno aquí cada vez que termina en un teléfono la sesión de una persona que usó esta app.',
    caption: 'Avisos de cierre de sesión, los más recientes primero',
    columns: {
      worker: 'Persona',
      signedOut: 'Cerró sesión',
      state: 'Estado',
      attempts: 'Intentos',
      answer: 'Última respuesta',
    },
    deletedPerson: 'Persona eliminada',
    delivered: 'Entregado',
    sendingNow: 'Enviando ahora',
    retrying: (at: string) => `Reintentando: próximo intento a las ${at}`,
    notSent: 'No enviado',
    gaveUp: (hours: number) => `Abandonado tras ${hours} horas`,
    answers: {
      none: 'Todavía sin respuesta',
      timeout: (seconds: number) => `Sin respuesta en ${seconds} segundos`,
      unreachable: 'No se pudo llegar a la app',
      appGone: 'La app se eliminó o no tiene dirección de cierre de sesión',
      unexpected: (answer: string) => `Respuesta inesperada: ${answer}`,
      ok: (code: number) => `La app respondió ${code} OK`,
      notFound: (code: number) => `La app respondió ${code} (dirección no encontrada)`,
      serverError: (code: number) => `La app respondió ${code} (error del servidor)`,
      refused: (code: number) => `La app respondió ${code} (rechazó el aviso)`,
      redirected: (code: number) =>
        `La app respondió ${code} (envió a Shiftpass a otro sitio en vez de responder)`,
      other: (code: number) => `La app respondió ${code} (no es la respuesta que espera Shiftpass)`,
    },
    showMore: 'Mostrar más',
    showMoreHidden: ' avisos de cierre de sesión',
    loadingMore: 'Cargando más…',
    refresh: 'Actualizar',
    refreshHidden: ' avisos de cierre de sesión',
    shown: (count: number, more: boolean) =>
      more
        ? `Se muestran los ${count} avisos de cierre de sesión más recientes.`
        : count === 1
          ? 'Se muestra el único aviso de cierre de sesión.'
          : `Se muestran los ${count} avisos de cierre de sesión.`,
    appGone: 'Esta app ya no existe. Vuelve a cargar la página.',
  },
};
