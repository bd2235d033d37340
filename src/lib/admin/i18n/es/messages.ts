/** Spanish for `consoleText` in src/lib/admin/messages.ts (English there is the reference). */
import type { consoleText as english } from '../../messages';

export const consoleText: typeof english = {
  appName: 'Consola de Shiftpass',
  signIn: {
    title: 'Iniciar sesión en la consola',
    username: 'Nombre de inicio de sesión',
    password: 'Contraseña',
    submit: 'Iniciar sesión',
    busy: 'Iniciando sesión…',
    usernameMissing: 'Escribe tu nombre de inicio de sesión.',
    passwordMissing: 'Escribe tu contraseña.',
  },
  totp: {
    title: 'Escribe tu código de autenticación',
    hint: 'Abre tu app de autenticación y escribe el código de 6 dígitos que muestra para Shiftpass.',
    label: 'Código de autenticación',
    submit: 'Verificar',
    useRecovery: 'Usar un código de recuperación',
    recoveryTitle: 'Escribe un código de recuperación',
    recoveryHint:
      'Escribe uno de los códigos de recuperación que guardaste al configurar tu app de autenticación. Cada código sirve una sola vez.',
    recoveryLabel: 'Código de recuperación',
    useCode: 'Usar un código de autenticación',
    startOver: 'Iniciar sesión con otra cuenta',
    codeMissing: 'Escribe el código de 6 dígitos de tu app de autenticación.',
    recoveryMissing: 'Escribe uno de tus códigos de recuperación.',
  },
  enrol: {
    title: 'Configura tu app de autenticación',
    intro:
      'La consola pide un segundo paso en cada inicio de sesión: un código de una app de autenticación en tu teléfono (por ejemplo Microsoft Authenticator, Google Authenticator o 2FAS).',
    scan: 'En la app, añade una cuenta y escanea este código QR.',
    qrAlt:
      'Código QR que añade Shiftpass a tu app de autenticación. Si no puedes escanearlo, escribe la clave de configuración de abajo.',
    manual:
      '¿No puedes escanearlo? Elige introducir una clave de configuración y escribe esta (basada en tiempo):',
    setupKey: 'Clave de configuración',
    confirm: 'Después escribe el código de 6 dígitos que muestra la app.',
    submit: 'Verificar y continuar',
    preparing: 'Preparando tu código QR…',
  },
  recovery: {
    title: 'Guarda tus códigos de recuperación',
    intro:
      'Si pierdes tu teléfono, cada uno de estos códigos te permite iniciar sesión una vez en lugar de un código de autenticación. Guárdalos en un lugar seguro, lejos de tu teléfono.',
    once: 'Solo se muestran ahora y no se volverán a mostrar.',
    download: 'Descargar',
    fileName: 'shiftpass-codigos-de-recuperacion.txt',
    saved: 'He guardado estos códigos',
    continue: 'Continuar a la consola',
    listLabel: 'Códigos de recuperación',
    fileHeading: 'Códigos de recuperación de la consola de Shiftpass (cada uno sirve una vez)',
  },
  shell: {
    nav: 'Consola',
    dashboard: 'Panel',
    people: 'Personas',
    groups: 'Tiendas',
    policies: 'Políticas',
    logs: 'Registros',
    apiTokens: 'Tokens de API',
    signedInAs: 'Sesión iniciada como',
    signOut: 'Cerrar sesión',
    idleWarning: (seconds: number) =>
      `Se cerrará tu sesión en ${seconds} s porque no ha habido actividad durante un rato.`,
    stay: 'Seguir con la sesión',
    backToKiosk: 'Volver al quiosco',
    roles: { admin: 'Administrador', manager: 'Encargado', worker: 'Trabajador' },
  },
  dashboard: {
    title: 'Panel',
    welcome: (name: string) => `Hola, ${name}.`,
    role: (role: string) => `Has iniciado sesión en la consola como ${role}.`,
    sessionEnds: 'Tu sesión termina tras',
    idle: (minutes: number) => `${minutes} minutos sin actividad`,
  },
  reauth: {
    title: 'Confirma que eres tú',
    intro: 'Este cambio necesita de nuevo tu contraseña y un código de autenticación.',
    password: 'Contraseña',
    code: 'Código de autenticación',
    submit: 'Confirmar',
    cancel: 'Cancelar',
    passwordMissing: 'Escribe tu contraseña.',
    codeMissing: 'Escribe el código de 6 dígitos de tu app de autenticación.',
  },
  signedOut: {
    idle: 'Se cerró tu sesión tras un tiempo sin actividad.',
    ended: 'Tu sesión ha terminado. Vuelve a iniciar sesión.',
    expired: 'Tu inicio de sesión tardó demasiado y ha caducado. Vuelve a iniciar sesión.',
  },
  errors: {
    credentials: 'El nombre de inicio de sesión o la contraseña no son correctos.',
    password: 'La contraseña no es correcta.',
    recoveryCode: 'Este código de recuperación no es correcto o ya se usó.',
    code: 'El código no es correcto o ya se usó. Espera al siguiente código e inténtalo de nuevo.',
    lockedFor: (wait: string) =>
      `Demasiados inicios de sesión fallidos. Inténtalo de nuevo dentro de ${wait}.`,
    locked:
      'Demasiados inicios de sesión fallidos. Pide a otro administrador que desbloquee tu inicio de sesión.',
    tooManyFor: (wait: string) =>
      `Demasiados inicios de sesión fallidos desde esta red. Inténtalo de nuevo dentro de ${wait}.`,
    tooMany: 'Demasiados inicios de sesión fallidos desde esta red. Inténtalo de nuevo más tarde.',
    minutes: (n: number) => `${n} minuto${n === 1 ? '' : 's'}`,
    checkInput: 'Revisa lo que has escrito.',
    network: 'No se pudo conectar con el servidor. Comprueba la conexión e inténtalo de nuevo.',
  },
};
