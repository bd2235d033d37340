import { defineMessages } from '../define';

export const common = defineMessages(
  {
    appName: 'Shiftpass',
    loading: 'Loading…',
    language: 'Language',
  },
  {
    es: {
      appName: 'Shiftpass',
      loading: 'Cargando…',
      language: 'Idioma',
    },
  },
);
