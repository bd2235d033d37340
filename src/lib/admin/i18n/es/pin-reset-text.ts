import type { pinResetText as english } from '../../pin-reset-text';

const time = (iso: string) => new Date(iso).toLocaleTimeString('es', { timeStyle: 'short' });

export const pinResetText: typeof english = {
  title: 'Solicitud de cambio de PIN',
  intro: (name: string) =>
    `${name} olvidó su PIN y pidió en un quiosco elegir uno nuevo. Aprueba solo si sabes que de verdad es esa persona quien lo pide, por ejemplo después de una llamada. Nunca ves ni eliges su PIN.`,
  onKiosk: (kiosk: string, at: string) => `Lo pidió en el quiosco «${kiosk}» a las ${time(at)}.`,
  onPhone: (at: string) => `Lo pidió a las ${time(at)} en un teléfono que no es un quiosco de la tienda.`,
  endsAt: (at: string) => `Aprueba antes de las ${time(at)}; después, la solicitud termina.`,
  approve: 'Aprobar el cambio de PIN',
  approving: 'Aprobando…',
  decline: 'Rechazar',
  approved: (name: string) => `Aprobado. ${name} ya puede elegir un PIN nuevo en el quiosco.`,
  declined: 'Rechazado. El quiosco le indica que pida ayuda.',
};
