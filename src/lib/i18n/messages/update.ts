import { defineMessages } from '../define';

export const update = defineMessages(
  {
    ready: 'A new version of Shiftpass is ready.',
    apply: 'Update now',
  },
  {
    es: {
      ready: 'Hay una nueva versión de Shiftpass lista.',
      apply: 'Actualizar ahora',
    },
  },
);
