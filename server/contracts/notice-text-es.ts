/**
 * The words of success answers that tell the admin something, in Spanish (notice-text.ts has the
 * English, and the keys). Short, plain Spanish a store manager in Spain or Latin America reads.
 */
import type { NoticeText } from './notice-text.js';
import { spanishPhrase } from './spanish-phrases.js';

const numbers = new Intl.NumberFormat('es');
const n = (value: number) => numbers.format(value);

export const noticeTextEs: NoticeText = {
  importRequired: 'es obligatorio',
  importTooLong: (max) => `es demasiado largo (como máximo ${n(max)} caracteres)`,
  importTooManyStores: (max) => `nombra demasiadas tiendas (como máximo ${n(max)})`,
  importOneOf: (values) => `debe ser uno de estos: ${values.join(', ')}`,
  importOther: (problem) => {
    const said = spanishPhrase(problem);
    return said && 'predicate' in said ? said.predicate : 'no es válido';
  },
  importTooManyCells: (cells, columns) =>
    `tiene ${n(cells)} celdas, pero el encabezado tiene ${n(columns)} columnas (una coma dentro de un nombre necesita comillas)`,
  importAppearsAgain: (row) => `aparece de nuevo: la primera vez en la fila ${n(row)}`,
  importTrueOrFalse: 'debe ser true o false',
  importSeveralStoresNamed: (name) => `varias tiendas se llaman «${name}»; usa el id de la tienda`,
  importNoStoreNamed: (name) => `ninguna tienda se llama «${name}»`,
  importCannotDisableSelf: 'no puedes desactivar tu propia cuenta',
  lookalikeSignInName: (signInName, displayName) =>
    `Este nombre de inicio de sesión se parece al de «${signInName}» (${displayName}), que ya existe. Comprueba que no sea un engaño.`,
  noStoreNetworkAllow:
    'Esta directiva exige la red de la propia tienda de la persona, pero todavía ninguna ubicación con nombre está vinculada a una tienda: se rechazará cada inicio de sesión que cubra. Vincula la red de cada tienda a su tienda en la página Ubicaciones con nombre.',
  noStoreNetworkOther:
    'Esta directiva exige la red de la propia tienda de la persona, pero todavía ninguna ubicación con nombre está vinculada a una tienda, así que nunca se aplica. Vincula la red de cada tienda a su tienda en la página Ubicaciones con nombre.',
  noStoreNetworkExclude:
    'Esta directiva hace una excepción para la red de la propia tienda de la persona, pero todavía ninguna ubicación con nombre está vinculada a una tienda, así que la excepción nunca se aplica. Vincula la red de cada tienda a su tienda en la página Ubicaciones con nombre.',
};
