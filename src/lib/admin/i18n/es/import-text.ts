/** The CSV import's and issued badges' words in Spanish (areas `peopleImport` and `badges`). */
import type { badgesText as englishBadges, importText as englishImport } from '../../import-text';
import { BADGES_PER_RUN, IMPORT_MAX_ROWS } from '$server/contracts/bulk';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const importText: typeof englishImport = {
  title: 'Importar personas',
  intro:
    'Añade o actualiza muchas personas a la vez desde un archivo CSV (por ejemplo, guardado desde una hoja de cálculo).',
  adminsOnly: 'Solo los administradores pueden importar personas.',
  columnsTitle: 'Columnas que puede tener el archivo',
  columnsIntro:
    'La primera fila nombra las columnas, en cualquier orden, en mayúsculas o minúsculas. Solo es obligatoria userPrincipalName (el nombre de inicio de sesión).',
  columns: {
    userPrincipalName:
      'el nombre de inicio de sesión, p. ej. ana.silva@example.com; así se reconoce a las personas que ya existen',
    displayName: 'el nombre que aparece en la credencial (obligatorio para personas nuevas)',
    employeeId: 'el número de empleado (opcional)',
    role: 'worker (empleado), manager (encargado) o admin (administrador); worker si está vacío',
    stores:
      'las tiendas a las que pertenece la persona, por nombre, separadas por ; (p. ej. Madrid; Sevilla), como en la página Tiendas. Los dos nombres significan lo mismo: usa uno de ellos, no los dos.',
    accountEnabled: 'si la persona puede iniciar sesión: true o false (true si está vacío)',
  },
  or: 'o',
  emptyCells: 'Una celda vacía deja ese dato de una persona existente como está.',
  limits: `Como máximo ${IMPORT_MAX_ROWS.toLocaleString('es')} personas y 2 MB por archivo.`,
  template: 'Descargar una plantilla',
  templateFile: 'shiftpass-plantilla-personas.csv',
  fileLabel: 'Archivo CSV',
  fileChosen: (name: string) => `Se usa el archivo ${name}.`,
  pasteLabel: 'O pega aquí el CSV',
  pasteHint: 'Se usa cuando no se ha elegido ningún archivo.',
  issueBadges: 'Emitir credenciales para las personas nuevas',
  issueBadgesHint:
    'Cada persona del archivo que aún no tiene credencial recibe una credencial con código QR (y un PIN temporal si no tiene PIN), que se muestra una sola vez en esta página tras la importación, para guardarla e imprimirla.',
  check: 'Comprobar archivo',
  checking: 'Comprobando…',
  nothingToCheck: 'Elige un archivo o pega antes el CSV.',
  fileError: 'No se puede leer el archivo:',
  rowNumbering:
    'Los números de fila son los que muestra tu hoja de cálculo: el encabezado es la fila 1 y la primera persona, la fila 2.',
  summaryTitle: 'Qué haría el archivo',
  resultTitle: 'Importación terminada',
  counts: (s: { created: number; updated: number; unchanged: number; failed: number }) => [
    ['Personas nuevas', s.created],
    ['Actualizadas', s.updated],
    ['Sin cambios', s.unchanged],
    ['Filas con errores', s.failed],
  ],
  ignoredColumns: (names: string[]) => `Estas columnas no se leyeron: ${names.join(', ')}.`,
  errorsTitle: 'Filas con errores',
  errorsIntro:
    'Estas filas se omitirán. Corrígelas en el archivo y vuelve a comprobarlo, o importa ahora el resto.',
  errorsAfter: 'Estas filas se omitieron. Corrígelas en el archivo y vuelve a importarlo.',
  errorColumns: { row: 'Fila', field: 'Columna', message: 'Problema' },
  wholeRow: '(toda la fila)',
  lookalikesTitle: 'Nombres de inicio de sesión que revisar',
  lookalikesIntro:
    'Estas personas se añadirán, pero su nombre de inicio de sesión se parece al de otra persona. Comprueba que no sea un engaño antes de importar.',
  lookalikesAfter:
    'Estas personas se añadieron, pero su nombre de inicio de sesión se parece al de otra persona. Comprueba que no sea un engaño.',
  lookalikeColumns: { row: 'Fila', name: 'Nombre de inicio de sesión', like: 'Se parece a' },
  lookalikeOf: (userPrincipalName: string, displayName: string) => `«${userPrincipalName}» (${displayName})`,
  importN: (n: number) => `Importar ${plural(n, 'persona', 'personas')}`,
  importing: 'Importando…',
  nothingToImport: 'Nada que importar: todas las filas válidas ya están al día.',
  changedSinceCheck: 'El archivo cambió después de comprobarlo. Vuelve a comprobarlo antes de importar.',
  imported: (s: { created: number; updated: number; unchanged: number; failed: number }) =>
    `Importación: ${s.created} nuevas, ${s.updated} actualizadas, ${s.unchanged} sin cambios, ${s.failed} omitidas.`,
  startOver: 'Importar otro archivo',
  badgesRemaining: (n: number) =>
    `${n === 1 ? 'Falta 1 persona' : `Faltan ${n} personas`} por recibir credencial (se emiten como máximo ${BADGES_PER_RUN} cada vez). Vuelve a importar el mismo archivo con «Emitir credenciales» marcado para emitir las siguientes.`,
};

const time = (at: Date) => at.toLocaleTimeString('es', { hour: 'numeric', minute: '2-digit' });

export const badgesText: typeof englishBadges = {
  label: {
    download: 'Descargar etiqueta (PNG)',
    downloadQr: 'Descargar solo el QR',
    failed:
      'Este navegador no pudo dibujar la etiqueta. Usa «Descargar solo el QR» o «Imprimir etiqueta» en su lugar.',
  },
  onceTitle: (n: number) => (n === 1 ? '1 credencial emitida' : `${n} credenciales emitidas`),
  onceWarning: (pins: number) =>
    pins > 0
      ? 'Se muestran solo en esta página: cuando salgas, estas credenciales y PIN temporales no se podrán volver a mostrar. Guarda antes los PIN e imprime las credenciales.'
      : 'Se muestran solo en esta página: cuando salgas, estas credenciales no se podrán volver a mostrar. Imprímelas antes.',
  savedWarning: (pins: number) =>
    pins > 0
      ? 'Todo se guardó o se imprimió. Aun así, las credenciales y los PIN no se podrán volver a mostrar cuando salgas de esta página.'
      : 'Las credenciales se imprimieron. Aun así, no se podrán volver a mostrar cuando salgas de esta página.',
  pinsStep: (n: number) => (n === 1 ? 'Guarda el PIN temporal' : `Guarda los ${n} PIN temporales`),
  pinsStepHint:
    'Cada persona nueva inicia sesión la primera vez con su PIN temporal y luego elige el suyo. Guarda el archivo o la hoja en un lugar seguro y destrúyelos cuando hayas entregado los PIN.',
  noPins: 'Estas personas conservan el PIN que ya tienen: no hay PIN que entregar.',
  downloadPins: 'Descargar PIN temporales (CSV)',
  printPins: 'Imprimir lista de PIN',
  pinsFile: (date: string) => `shiftpass-pin-temporales-${date}.csv`,
  pinsNotSaved: 'Aún no se han guardado.',
  pinsSaved: (by: 'download' | 'print', at: Date) =>
    by === 'download'
      ? `Archivo de PIN descargado a las ${time(at)}.`
      : `Lista de PIN enviada a la impresora a las ${time(at)}. Si no salió impresa, vuelve a imprimirla.`,
  sheetStep: 'Imprime las credenciales',
  sheetStepHint: (n: number, sheets: number) =>
    `${plural(n, 'etiqueta', 'etiquetas')} de 2 × 2 pulgadas en ${plural(sheets, 'hoja', 'hojas')}, con el nombre y el código corto bajo cada código QR (sin PIN). En el cuadro de impresión elige «Tamaño real» (100 %) y recorta por las marcas.`,
  paper: 'Papel',
  a4: 'A4',
  letter: 'Carta (EE. UU.)',
  printSheet: 'Imprimir hoja de credenciales',
  sheetNotPrinted: 'Aún no se ha impreso.',
  sheetPrinted: (at: Date) =>
    `Hoja de credenciales enviada a la impresora a las ${time(at)}. Si no salió impresa, vuelve a imprimirla.`,
  keepsPin: 'conserva su PIN',
  failures: (n: number) =>
    n === 1 ? '1 persona no recibió credencial:' : `${n} personas no recibieron credencial:`,
  pinList: {
    title: 'PIN temporales',
    intro: (at: Date) =>
      `Impreso el ${at.toLocaleString('es', { dateStyle: 'medium', timeStyle: 'short' })}. Entrega a cada persona su PIN en privado y después destruye esta hoja.`,
    columns: {
      name: 'Nombre',
      signIn: 'Nombre de inicio de sesión',
      shortCode: 'Código corto',
      pin: 'PIN temporal',
    },
  },
  leave: {
    title: '¿Salir sin guardar?',
    text: (unsaved: { pins: boolean; badges: boolean }) =>
      `${
        unsaved.pins && unsaved.badges
          ? 'Los PIN temporales no se guardaron y las credenciales no se imprimieron.'
          : unsaved.pins
            ? 'Los PIN temporales no se descargaron ni se imprimieron.'
            : 'La hoja de credenciales no se imprimió.'
      } No se podrán volver a mostrar cuando salgas: estas personas necesitarían credenciales nuevas.`,
    stay: 'Quedarme en esta página',
    leave: 'Salir de todos modos',
  },
  sheet: {
    page: (n: number, of: number) => `Hoja ${n} de ${of}`,
    qrAlt: (name: string) => `Código QR de la credencial de ${name}`,
  },
};
