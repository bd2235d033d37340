import { defineMessages } from '../define';

export const home = defineMessages(
  {
    hello: (name: string) => `Hello, ${name}`,
    sharedDevice: 'You are signed in on this shared device. Sign out before you hand it on.',
    signOut: 'Sign out',
  },
  {
    es: {
      hello: (name: string) => `Hola, ${name}`,
      sharedDevice:
        'Ha iniciado sesión en este dispositivo compartido. Cierre la sesión antes de pasarlo a otra persona.',
      signOut: 'Cerrar sesión',
    },
  },
);
