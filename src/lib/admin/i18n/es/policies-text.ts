/** Spanish for the Policies page (src/lib/admin/policies-text.ts is the reference). */
import type { policiesText as english } from '../../policies-text';

export const policiesText: typeof english = {
  title: 'Políticas',
  intro:
    'Cómo funcionan para todos las credenciales, los PIN, los inicios de sesión en la consola y las sesiones. Al guardar se te piden la contraseña y un código de autenticación si no los has dado en los últimos 5 minutos.',
  adminsOnly:
    'Solo los administradores pueden ver y cambiar las políticas, desde un inicio de sesión en la consola.',
  saving: 'Guardando…',
  reauthCancelled: 'No se guardó nada: antes hay que confirmar que eres tú.',
  outOfRange: (range: string) => `Escribe un número dentro del rango: ${range}`,
  range: (min: string, max: string, unit: string) => `Entre ${min} y ${max} ${unit}.`,
  qr: {
    title: 'Inicio de sesión con código QR + PIN',
    enabled: 'Las personas pueden iniciar sesión con su credencial y PIN',
    enabledHint:
      'Si está desactivado, nadie puede iniciar sesión en un quiosco; las credenciales y los PIN se conservan y vuelven a funcionar al activarlo.',
    mobileOnly: 'Solo teléfonos y tabletas',
    mobileOnlyHint:
      'Se rechaza el inicio de sesión con credencial en el navegador de un ordenador, salvo en los quioscos inscritos de sus tiendas. Es el propio navegador el que dice en qué dispositivo funciona: evita errores de buena fe, pero no detiene a quien se lo proponga.',
    who: 'Quién puede usarlo',
    everyone: 'Todo el mundo',
    onlyStores: 'Solo las personas de estas tiendas',
    includeStores: 'Tiendas que pueden usarlo',
    includeHint: 'Las personas de cualquiera de estas tiendas pueden iniciar sesión con su credencial y PIN.',
    excludeStores: 'Nunca para las personas de estas tiendas',
    excludeHint:
      'Opcional. Las personas de estas tiendas no pueden iniciar sesión con credencial y PIN, aunque estén elegidas arriba.',
    chooseStores: 'Elegir tiendas',
    noStores: 'Todavía no hay tiendas. Créalas en la página Tiendas.',
    deletedStore: 'Una tienda eliminada',
    includeRequired: 'Elige al menos una tienda, o elige «Todo el mundo».',
    save: 'Guardar la política QR + PIN',
    saved: 'Se guardó la política de código QR + PIN. Se aplica al siguiente inicio de sesión.',
  },
  consoleSignIn: {
    title: 'Inicio de sesión en la consola (responsables y administradores)',
    intro:
      'Qué pasa cuando alguien escribe contraseñas o códigos de autenticación incorrectos al iniciar sesión en esta consola. Estos ajustes son distintos de los PIN de las credenciales: cambiar «PIN incorrectos y bloqueo» arriba no los cambia, y los PIN incorrectos de una persona nunca bloquean a un responsable en la consola, ni al revés. Los inicios de sesión fallidos en la consola sí cuentan para «Inicios de sesión fallidos por teléfono o red» arriba.',
    save: 'Guardar ajustes de la consola',
    saved:
      'Se guardaron los ajustes de inicio de sesión en la consola. Se aplican al siguiente inicio de sesión.',
  },
  sessions: {
    title: 'Sesiones y cierre por inactividad',
    save: 'Guardar ajustes de sesión',
    saved: 'Se guardaron los ajustes de sesión. Los quioscos los reciben en su próxima comprobación.',
  },
  retention: {
    title: 'Cuánto tiempo se guardan los registros',
    intro:
      'Los inicios de sesión y las entradas de auditoría más antiguos se eliminan automáticamente, poco a poco. Para guardar una copia, descárgalos antes desde la página Registros («Exportar CSV»).',
    logsLink: 'Abrir la página Registros',
    save: 'Guardar plazo de los registros',
    saved: 'Guardado. Las entradas más antiguas se eliminan en los próximos minutos.',
  },
  sections: {
    badges: 'Credenciales y PIN',
    lockout: 'PIN incorrectos y bloqueo',
    consoleLockout: 'Contraseñas y códigos incorrectos',
    sessions: 'Sesiones',
    logRetention: 'Cuánto tiempo se guardan los registros',
  },
  units: {
    digits: 'dígitos',
    days: 'días',
    hours: 'horas',
    minutes: 'minutos',
    seconds: 'segundos',
    attempts: 'intentos',
    perLock: '× por bloqueo',
  },
  fields: {
    pinLength: {
      label: 'Longitud del PIN',
      help: 'Cuántos dígitos tiene un PIN. Los PIN más largos son más difíciles de adivinar; 8 es el mínimo que permite el NIST para este tipo de PIN.',
    },
    standardLifetime: {
      label: 'Validez de la credencial estándar',
      help: 'Cuánto tiempo funciona una credencial estándar desde que se emite. Al terminar, la persona necesita una credencial nueva (ver el informe de caducidad).',
    },
    temporaryLifetime: {
      label: 'Validez de la credencial temporal',
      help: 'Cuánto tiempo funciona una credencial temporal: para una credencial olvidada, un turno como mucho.',
    },
    threshold: {
      label: 'PIN incorrectos antes de un bloqueo',
      help: 'PIN incorrectos seguidos tras los que la credencial se bloquea un tiempo.',
    },
    baseDelay: {
      label: 'Primer bloqueo',
      help: 'Cuánto dura el primer bloqueo. Cada bloqueo siguiente dura más (ver el factor de crecimiento).',
    },
    growth: {
      label: 'Factor de crecimiento',
      help: 'Cada bloqueo dura estas veces más que el anterior (1 hace que todos duren lo mismo).',
    },
    maxDelay: {
      label: 'Bloqueo más largo',
      help: 'Ningún bloqueo dura más que esto. No puede ser más corto que el primer bloqueo.',
    },
    hardLimit: {
      label: 'PIN incorrectos antes de que un responsable deba desbloquear',
      help: 'Tras tantos PIN incorrectos seguidos, la credencial queda bloqueada hasta que un responsable o administrador la desbloquee. No puede ser menor que el número antes de un bloqueo.',
    },
    clientThreshold: {
      label: 'Inicios de sesión fallidos por teléfono o red',
      help: 'Inicios de sesión fallidos desde un teléfono o una dirección de red, dentro del periodo de abajo, que lo bloquean el resto del periodo (contra quien prueba muchas credenciales o contraseñas). Cuentan juntos los de credencial y los de consola.',
    },
    clientWindow: {
      label: 'Periodo para los inicios de sesión fallidos por teléfono o red',
      help: 'El periodo en el que se cuentan los inicios de sesión fallidos desde un teléfono o una red.',
    },
    consoleThreshold: {
      label: 'Contraseñas o códigos incorrectos antes de un bloqueo',
      help: 'Contraseñas o códigos de autenticación incorrectos seguidos, para un nombre de usuario de la consola, tras los que ese usuario no puede iniciar sesión durante un tiempo.',
    },
    consoleBaseDelay: {
      label: 'Primer bloqueo de la consola',
      help: 'Cuánto dura el primer bloqueo. Cada bloqueo siguiente dura más (ver el crecimiento abajo).',
    },
    consoleGrowth: {
      label: 'Crecimiento del bloqueo de la consola',
      help: 'Cada bloqueo dura estas veces más que el anterior (1 hace que todos duren lo mismo).',
    },
    consoleMaxDelay: {
      label: 'Bloqueo más largo de la consola',
      help: 'Ningún bloqueo dura más que esto. No puede ser más corto que el primer bloqueo.',
    },
    consoleHardLimit: {
      label: 'Contraseñas o códigos incorrectos antes de que intervenga un administrador',
      help: 'Tras tantos seguidos, el usuario queda bloqueado hasta que un administrador le dé un nuevo enlace de invitación (Acceso a la consola, en su página). No puede ser menor que el número antes de un bloqueo.',
    },
    kioskIdleSignOut: {
      label: 'Cierre de sesión del quiosco sin actividad',
      help: 'Un quiosco que nadie toca durante este tiempo cierra la sesión de la persona, para que la siguiente nunca la encuentre abierta.',
    },
    kioskIdleWarning: {
      label: 'Aviso «¿Sigues ahí?» antes del cierre',
      help: 'Cuánto antes del cierre el quiosco pregunta «¿Sigues ahí?» con una cuenta atrás. Debe ser menor que el tiempo de cierre.',
    },
    offlineGrace: {
      label: 'Margen sin conexión',
      help: 'Cuánto tiempo sigue funcionando un quiosco con sesión iniciada si no llega al servidor; después cierra la sesión. 0 la cierra al momento.',
    },
    serverIdle: {
      label: 'Límite de inactividad en el servidor para las sesiones del quiosco',
      help: 'El servidor termina una sesión de quiosco de la que no sabe nada durante este tiempo, aunque el teléfono esté apagado.',
    },
    consoleIdle: {
      label: 'Límite de inactividad de la consola',
      help: 'La consola cierra la sesión de responsables y administradores tras este tiempo sin actividad. Mantenlo corto: la consola puede cambiarlo todo.',
    },
    absolute: {
      label: 'Sesión más larga',
      help: 'Toda sesión termina este tiempo después de iniciarla, por activa que esté (un turno).',
    },
    signInRetention: {
      label: 'Guardar los inicios de sesión durante',
      help: 'Los inicios de sesión más antiguos se eliminan automáticamente. Descárgalos antes desde la página Registros si los necesitas más tiempo.',
    },
    auditRetention: {
      label: 'Guardar el registro de auditoría durante',
      help: 'Las entradas de auditoría más antiguas (quién cambió qué en esta consola) se eliminan automáticamente.',
    },
  },
  kioskApps: {
    title: 'Apps de la tienda en el quiosco',
    intro: (max: number) =>
      `Enlaces que ve una persona con sesión iniciada en la pantalla de inicio del quiosco, p. ej. el horario o la app de inventario. Solo direcciones https://; como mucho ${max}. Se abren en una pestaña nueva.`,
    empty: 'Todavía no hay apps de la tienda.',
    app: (n: number) => `App de la tienda ${n}`,
    name: 'Nombre',
    address: 'Dirección',
    remove: (name: string) => `Quitar ${name}`,
    add: 'Añadir una app de la tienda',
    save: 'Guardar las apps de la tienda',
    saved: (count: number) =>
      count === 0
        ? 'Guardado. El quiosco no muestra apps de la tienda.'
        : count === 1
          ? 'Guardado. El quiosco muestra 1 app de la tienda.'
          : `Guardado. El quiosco muestra ${count} apps de la tienda.`,
  },
};
