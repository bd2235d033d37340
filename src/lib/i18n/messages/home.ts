import { defineMessages } from '../define';

export const home = defineMessages(
  {
    hello: (name: string) => `Hello, ${name}`,
    stores: (names: string, count: number) => (count === 1 ? `Store: ${names}` : `Stores: ${names}`),
    timeLeft: (duration: string) => `Session time left: ${duration}`,
    hoursMinutes: (hours: number, minutes: number) => `${hours} h ${minutes} min`,
    minutes: (minutes: number) => `${minutes} min`,
    underAMinute: 'less than a minute',
    sharedDevice: 'You are signed in on this shared device. Sign out before you hand it on.',
    signOut: 'Sign out',
    apps: 'Store apps',
    opensInNewTab: '(opens in a new tab)',
    signInApps: 'Your apps',
    signInAppsHint: 'Opens signed in as you. Come back here to sign out.',
    managerPages: 'Manager pages: your team and badges',
    setUpKiosk: 'Set up this phone as a kiosk',
  },
  {
    es: {
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
    },
  },
);
