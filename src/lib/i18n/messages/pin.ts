import { defineMessages } from '../define';

export const pin = defineMessages(
  {
    title: 'Enter your PIN',
    label: 'PIN',
    show: 'Show PIN',
    hide: 'Hide PIN',
    lengthHint: (minLength: number) => `${minLength} digits or more.`,
    lockedFor: (countdown: string) => `Too many wrong PINs. Try again in ${countdown}.`,
    signIn: 'Sign in',
    differentBadge: 'Scan a different badge',
  },
  {
    es: {
      title: 'Introduzca su PIN',
      label: 'PIN',
      show: 'Mostrar PIN',
      hide: 'Ocultar PIN',
      lengthHint: (minLength: number) => `${minLength} dígitos o más.`,
      lockedFor: (countdown: string) => `Demasiados PIN incorrectos. Vuelva a intentarlo en ${countdown}.`,
      signIn: 'Iniciar sesión',
      differentBadge: 'Escanear otra credencial',
    },
  },
);
