import type { dashboardText as english } from '../../dashboard-text';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const signIns = (n: number) => plural(n, 'inicio de sesión', 'inicios de sesión');

export const dashboardText: typeof english = {
  banner: {
    off: {
      title: 'El inicio de sesión con QR está desactivado',
      body: 'Ningún trabajador puede iniciar sesión en un quiosco con su credencial y PIN hasta que lo actives. Las credenciales que emitas mientras tanto funcionarán en cuanto esté activado.',
    },
    nobody: {
      title: 'El inicio de sesión con QR no incluye a nadie',
      body: 'Está activado, pero para nadie: elige quién puede usarlo (todos, o las personas de algunas tiendas).',
    },
    action: 'Activarlo en Políticas',
    nobodyAction: 'Elegir quién puede usarlo en Políticas',
  },
  checklist: {
    title: 'Primeros pasos',
    intro:
      'Hasta que estén hechos, los trabajadores no pueden iniciar sesión en un quiosco. Esta lista desaparece cuando estén todos hechos.',
    progress: (done: number, total: number) => `${done} de ${total} hechos`,
    done: 'Hecho',
    notYet: 'Pendiente',
    loadFailed:
      'No se pudieron cargar los primeros pasos. Vuelve a cargar la página para intentarlo de nuevo.',
    steps: {
      qrSignIn: {
        title: 'Activar el inicio de sesión con QR',
        body: 'En Políticas, marca «Los trabajadores pueden iniciar sesión con credencial y PIN» y elige quién puede usarlo.',
        doneNote: () => 'Activado',
      },
      stores: {
        title: 'Añadir una tienda',
        body: 'Cada tienda reúne a su personal y sus quioscos; los encargados solo ven sus propias tiendas.',
        doneNote: (n: number) => plural(n, 'tienda', 'tiendas'),
      },
      people: {
        title: 'Añadir personas',
        body: 'Añade trabajadores y encargados uno a uno, o impórtalos desde un archivo CSV.',
        doneNote: (n: number) => plural(n, 'persona', 'personas'),
      },
      badges: {
        title: 'Emitir credenciales',
        body: 'Abre una persona y emite su credencial (código QR y PIN temporal), o marca «Emitir credenciales» al importar personas.',
        doneNote: (n: number) => `${plural(n, 'persona tiene', 'personas tienen')} credencial`,
      },
      kiosk: {
        title: 'Configurar un quiosco',
        body: 'En el teléfono de la tienda, abre Shiftpass, inicia sesión con la credencial y el PIN de un encargado y elige «Configurar este teléfono como quiosco». Los quioscos aparecen después en Dispositivos.',
        doneNote: (n: number) => plural(n, 'quiosco', 'quioscos'),
      },
    },
  },
  activity: {
    title: 'Inicios de sesión en las últimas 24 horas',
    chartTitle: 'Inicios de sesión por hora, últimas 24 horas',
    chartDescription: (success: number, failure: number) =>
      `${signIns(success + failure)}: ${success} correctos, ${failure} fallidos. La tabla de abajo tiene las cifras por hora.`,
    success: 'Correctos',
    failure: 'Fallidos',
    total: 'Total',
    hour: 'Hora de inicio',
    dataTable: 'Inicios de sesión por hora en una tabla',
    totals: (success: number, failure: number) =>
      `${signIns(success + failure)}: ${success} correctos, ${failure} fallidos.`,
    reasonsTitle: 'Por qué fallaron los inicios de sesión',
    noFailures: 'No hubo inicios de sesión fallidos en las últimas 24 horas.',
    showFailures: 'Ver en el registro',
    lockedTitle: 'Credenciales bloqueadas',
    locked: (n: number) =>
      n === 0
        ? 'Ahora mismo no hay ninguna credencial bloqueada.'
        : `${plural(n, 'credencial está bloqueada', 'credenciales están bloqueadas')} ahora mismo.`,
    lockedLink: 'Ir a Personas para desbloquear',
    scopeManager: 'Las cifras cubren a los trabajadores de tus tiendas.',
    viewLogs: 'Abrir el registro de inicios de sesión',
    expiryLink: 'Credenciales que caducan pronto',
    failed:
      'No se pudo cargar la actividad de inicio de sesión. Vuelve a cargar la página para intentarlo de nuevo.',
  },
};
