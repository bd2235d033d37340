import type { shellText as english } from '../../shell-text';

export const shellText: typeof english = {
  menu: 'Menú',
  menuLabel: 'Menú de la consola',
  brandShort: 'Shiftpass',
  links: {
    access: 'Acceso',
    devices: 'Dispositivos',
    apps: 'Aplicaciones',
    reports: 'Informes',
    webhooks: 'Webhooks',
  },
  dismissToast: 'Cerrar mensaje',
  cancel: 'Cancelar',
  skipToContent: 'Ir a la página',
  signOutUnsaved: {
    title: '¿Cerrar sesión sin guardar?',
    text: 'Las credenciales y los PIN temporales de la página de importación aún no se han guardado ni impreso. Si cierras sesión se pierden para siempre: estas personas necesitarían credenciales nuevas.',
    signOut: 'Cerrar sesión igualmente',
    stay: 'Seguir con la sesión',
  },
  errorPage: {
    notFoundTitle: 'Página no encontrada',
    notFound:
      'No hay ninguna página de la consola en esta dirección. Puede que se haya movido o que el enlace esté mal escrito.',
    failedTitle: 'Algo ha fallado',
    failed:
      'No se pudo mostrar esta página. Inténtalo de nuevo en un momento; si sigue pasando, avisa a tu administrador.',
    home: 'Ir al panel',
  },
};
