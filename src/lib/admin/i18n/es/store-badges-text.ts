import { BADGES_PER_RUN } from '$server/contracts/bulk';
import type { storeBadgesText as english } from '../../store-badges-text';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const storeBadgesText: typeof english = {
  title: (name: string) => `Credenciales de ${name}`,
  titleUnknown: 'Credenciales de esta tienda',
  back: 'Todas las tiendas',
  intro:
    'Emite una credencial para cada persona de esta tienda que no tenga, o reimprime las credenciales de las personas que elijas. Las credenciales nuevas y los PIN temporales se muestran una sola vez, en esta página, para imprimirlos.',
  loading: 'Cargando las personas de esta tienda…',
  empty: 'Todavía no hay nadie en esta tienda.',
  emptyHint: 'Añade personas desde su página o con Importar personas.',
  previewTitle: 'Qué recibe cada persona',
  columns: {
    choose: 'Elegir',
    name: 'Nombre',
    signInName: 'Nombre de inicio de sesión',
    badge: 'Credencial',
  },
  status: {
    newBadgeAndPin: 'Sin credencial',
    newBadge: 'Sin credencial válida',
    hasBadge: (until: string) => `Tiene credencial, válida hasta ${until}`,
    notAllowed: 'No la puedes emitir tú',
  },
  next: {
    newBadgeAndPin: 'Al emitir recibe una credencial y un PIN temporal.',
    newBadge: 'Al emitir recibe una credencial; conserva su PIN.',
    hasBadge: 'Márcala para reimprimir su credencial.',
    notAllowed: 'Solo un administrador puede emitir credenciales para encargados y administradores.',
  },
  chooseOne: (name: string) => `Reimprimir la credencial de ${name}`,
  chooseAll: 'Elegir a todos los que tienen credencial',
  issue: (n: number) => `Emitir ${plural(n, 'credencial nueva', 'credenciales nuevas')}`,
  issueNone: 'Todas las personas que pueden tener credencial ya tienen una.',
  issuing: 'Emitiendo credenciales…',
  reprint: (n: number) =>
    n === 0 ? 'Reimprimir credenciales' : `Reimprimir ${plural(n, 'credencial', 'credenciales')}`,
  reprintHint:
    'Marca a las personas cuyas credenciales quieres reimprimir. Una credencial reimpresa tiene un código QR y un código corto nuevos, así que la credencial impresa anterior deja de funcionar al momento. Conservan su PIN y no se imprime ningún PIN.',
  confirmTitle: (n: number) => `¿Reimprimir ${plural(n, 'credencial', 'credenciales')}?`,
  confirmText:
    'Cada persona elegida recibe una credencial nueva con un código QR y un código corto nuevos. Su credencial impresa anterior deja de funcionar al momento; su PIN no cambia.',
  confirm: 'Reimprimir credenciales',
  cancel: 'Cancelar',
  summary: (s: { issued: number; alreadyHadBadge: number; skipped: number }) =>
    `${plural(s.issued, 'credencial emitida', 'credenciales emitidas')}; ${s.alreadyHadBadge} ya tenían una; ${s.skipped} omitidas.`,
  remaining: (n: number) =>
    `${plural(n, 'persona más necesita', 'personas más necesitan')} una credencial (se emiten como máximo ${BADGES_PER_RUN} cada vez). Imprime estas y vuelve a emitir para las siguientes.`,
  forbidden: 'Solo puedes emitir credenciales para tus propias tiendas.',
  issueAgain: 'Emitir o reimprimir más',
};
