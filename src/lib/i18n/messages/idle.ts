import { defineMessages } from '../define';

export const idle = defineMessages(
  {
    title: 'Still there?',
    countdown: (seconds: number) => `You will be signed out in ${seconds} seconds.`,
    stay: "I'm still here",
    signOutNow: 'Sign out now',
  },
  {
    es: {
      title: '¿Sigue ahí?',
      countdown: (seconds: number) => `Se cerrará su sesión en ${seconds} segundos.`,
      stay: 'Sigo aquí',
      signOutNow: 'Cerrar sesión ahora',
    },
  },
);
