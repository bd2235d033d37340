import type { setupText as english } from '../../setup-text';

export const setupText: typeof english = {
  product: 'Shiftpass',
  tagline: 'Inicio de sesión con código QR y PIN para el personal de tienda en teléfonos compartidos',
  pageTitle: 'Configurar Shiftpass',
  checking: 'Comprobando tu enlace de configuración…',
  title: 'Crear el primer administrador',
  intro:
    'Esta página crea el primer administrador: tú. Con esta cuenta gestionas después la consola de Shiftpass, donde activas el inicio de sesión con QR y añades tiendas, personas, credenciales y quioscos.',
  username: 'Nombre de inicio de sesión',
  usernameHint:
    'El nombre con el que iniciarás sesión en la consola, por ejemplo tu correo electrónico del trabajo. Sin espacios.',
  usernameMissing: 'Escribe un nombre de inicio de sesión.',
  usernameTaken: 'Alguien ya tiene este nombre de inicio de sesión. Elige otro.',
  displayName: 'Tu nombre (opcional)',
  displayNameHint:
    'Cómo apareces en la consola y en sus registros. Si lo dejas vacío, se usa tu nombre de inicio de sesión.',
  password: 'Contraseña',
  passwordHint:
    'Al menos 12 caracteres. Unas cuantas palabras sin relación entre sí forman una contraseña segura y fácil de escribir.',
  passwordTooShort: 'La contraseña necesita al menos 12 caracteres.',
  confirm: 'Vuelve a escribir la contraseña',
  mismatch: 'Las dos contraseñas no coinciden.',
  submit: 'Crear el primer administrador',
  busy: 'Creando el administrador…',
  created: {
    title: 'Administrador creado',
    done: (username: string) =>
      `El administrador ${username} está listo y este enlace de configuración ya no funciona.`,
    tokenTitle: 'Tu token de API de administrador',
    once: 'Solo se muestra ahora: cópialo y guárdalo en un lugar seguro, como un gestor de contraseñas. No se volverá a mostrar.',
    tokenLabel: 'Token de API de administrador',
    tokenUse: (until: string) =>
      `Los scripts y otros sistemas lo usan para llamar a la API de Shiftpass con acceso completo de administrador hasta el ${until} (envíalo como "Authorization: Bearer …"). Para cualquier otra cosa, crea en la página Tokens de API de la consola un token que solo pueda hacer lo que necesite.`,
    copy: 'Copiar token',
    copied: 'Copiado al portapapeles.',
    copyFailed: 'No se pudo copiar. Selecciona el token y cópialo tú.',
    nextTitle: 'Siguiente paso: la consola',
    next: 'Inicia sesión con tu nombre de inicio de sesión y tu contraseña. En el primer inicio de sesión la consola te ayuda a configurar una app de autenticación en tu teléfono y después te muestra los primeros pasos.',
    goToConsole: 'Ir a la consola',
  },
  used: {
    title: 'Este enlace de configuración ya se ha usado',
    body: 'El primer administrador ya existe. Inicia sesión en la consola con el nombre de inicio de sesión y la contraseña de ese administrador; a los demás administradores y encargados se les invita desde la consola.',
  },
  expired: {
    title: 'Este enlace de configuración ha caducado',
    body: 'Un enlace de configuración funciona durante 24 horas. Reinicia Shiftpass (detenlo y vuelve a ejecutar npm start) y abre el enlace nuevo que muestra.',
  },
  unknown: {
    title: 'Este enlace de configuración no funciona',
    body: 'No es el enlace más reciente: cada reinicio de Shiftpass muestra uno nuevo y el anterior deja de funcionar. Abre el último enlace que mostró npm start. Si el primer administrador ya se creó, inicia sesión en la consola.',
  },
  signIn: 'Iniciar sesión en la consola',
  noLink:
    'Esta página necesita el enlace de configuración de un solo uso que muestra npm start (termina con un código largo después de #). Reinicia Shiftpass para obtener uno nuevo.',
  damaged:
    'Este enlace está dañado: se perdió o cambió una parte por el camino. Vuelve a copiar el enlace de configuración completo que mostró npm start, o reinicia Shiftpass para obtener uno nuevo.',
};
