import type { reportsText as english } from '../../reports-text';

export const reportsText: typeof english = {
  title: 'Informe de credenciales que caducan',
  navLabel: 'Informes',
  intro:
    'Credenciales que dejan de funcionar pronto, las más próximas primero, para imprimir las nuevas a tiempo.',
  withinDays: 'Caducan en los próximos (días)',
  withinDaysHint: 'De 1 a 395 días.',
  withinDaysError: 'Escribe un número entero de días entre 1 y 395.',
  store: 'Tienda',
  anyStore: 'Todas las tiendas',
  anyOwnStore: 'Todas mis tiendas',
  showStores: 'Ver tiendas',
  noStoreMatches: 'Ninguna tienda coincide.',
  apply: 'Mostrar credenciales',
  exportCsv: 'Exportar CSV',
  caption: (days: number) => `Credenciales que caducan en los próximos ${days} días`,
  columns: {
    person: 'Persona',
    stores: 'Tiendas',
    kind: 'Credencial',
    expires: 'Caduca',
    lastUsed: 'Último uso',
  },
  kinds: { standard: 'Normal', temporary: 'Temporal' },
  never: 'Nunca',
  empty: 'Ninguna credencial caduca en este plazo.',
  emptyHint: 'Elige más días para mirar más adelante.',
  forbidden: 'No tienes permiso para ver este informe.',
  previous: 'Página anterior',
  next: 'Página siguiente',
};
