/** Spanish for messages/home.ts (English there is the reference: same keys, same parameters). */
import type { home as english } from '../home';

export const home: typeof english = {
  hello: (name: string) => `Hola, ${name}`,
  stores: (names: string, count: number) => (count === 1 ? `Tienda: ${names}` : `Tiendas: ${names}`),
  timeLeft: (duration: string) => `Tiempo de sesión restante: ${duration}`,
  hoursMinutes: (hours: number, minutes: number) => `${hours} h ${minutes} min`,
  minutes: (minutes: number) => `${minutes} min`,
  underAMinute: 'menos de un minuto',
  sharedDevice:
    'Ha iniciado sesión en este dispositivo compartido. Cierre la sesión antes de pasarlo a otra persona.',
  signOut: 'Cerrar sesión',
  apps: 'Aplicaciones de la tienda',
  opensInNewTab: '(se abre en una pestaña nueva)',
  signInApps: 'Sus aplicaciones',
  signInAppsHint: 'Se abren con su sesión iniciada. Vuelva aquí para cerrar la sesión.',
  managerPages: 'Páginas de gerente: su equipo y sus credenciales',
  setUpKiosk: 'Configurar este teléfono como quiosco',
};
