import type { shellText as english } from '../../shell-text';

export const shellText: typeof english = {
  menu: 'Menú',
  menuLabel: 'Menú de la consola',
  dismissToast: 'Cerrar mensaje',
  skipToContent: 'Ir a la página',
};
