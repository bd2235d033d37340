import type { invitationText as english } from '../../invitation-text';

export const invitationText: typeof english = {
  title: 'Elige tu contraseña de la consola',
  intro:
    'Un administrador te ha invitado a la consola de Shiftpass. Elige una contraseña; después inicia sesión y configura una app de autenticación en tu teléfono.',
  password: 'Contraseña nueva',
  passwordHint:
    'Al menos 12 caracteres. Unas cuantas palabras sin relación entre sí forman una contraseña segura y fácil de escribir.',
  passwordTooShort: 'La contraseña necesita al menos 12 caracteres.',
  confirm: 'Vuelve a escribir la contraseña',
  mismatch: 'Las dos contraseñas no coinciden.',
  submit: 'Guardar la contraseña',
  busy: 'Guardando la contraseña…',
  done: 'Tu contraseña está guardada. Inicia sesión con ella; después la consola te ayudará a configurar tu app de autenticación.',
  signIn: 'Ir al inicio de sesión',
  noLink:
    'Esta página necesita el enlace de invitación que te dio un administrador (termina con un código largo después de #). Pide un enlace nuevo a un administrador.',
  invalid:
    'Este enlace de invitación no es válido, ha caducado o ya se usó. Pide uno nuevo a un administrador.',
  damaged:
    'Este enlace está dañado: se perdió o cambió una parte por el camino. Vuelve a abrir el enlace completo o pide uno nuevo a un administrador.',
  panel: {
    title: 'Acceso a la consola',
    intro:
      'Crea un enlace de un solo uso con el que esta persona elige una contraseña de la consola y configura su propia app de autenticación. También sirve para quien perdió su teléfono y sus códigos de recuperación: al usar el enlace, su contraseña y su app de autenticación anteriores dejan de funcionar y sus sesiones terminan.',
    notAllowed:
      'Solo los encargados y administradores activos pueden usar la consola. Cambia primero el rol o activa la cuenta.',
    create: 'Crear un enlace de invitación',
    creating: 'Creando…',
    once: (until: string) =>
      `Solo se muestra ahora: da este enlace a la persona tú mismo (en persona o por la mensajería de tu empresa). Funciona una vez, hasta el ${until}. Quien lo tenga puede elegir la contraseña.`,
    linkLabel: 'Enlace de invitación',
    copy: 'Copiar enlace',
    copied: 'Copiado al portapapeles.',
    copyFailed: 'No se pudo copiar. Selecciona el enlace y cópialo tú.',
    done: 'Hecho',
    reauthCancelled: 'No se ha creado ningún enlace: antes hay que confirmar que eres tú.',
  },
};
