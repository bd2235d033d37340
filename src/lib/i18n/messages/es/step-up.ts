/** Spanish for messages/step-up.ts (English there is the reference: same keys, same parameters). */
import type { stepUp as english } from '../step-up';

export const stepUp: typeof english = {
  confirming: (name: string) => `Confirmación del inicio de sesión de ${name}`,
  explanationApp: (name: string, app: string) =>
    `Para abrir ${app}, ${name}, las reglas de acceso de su organización piden que un responsable de su tienda lo confirme aquí.`,
  explanationAnApp: (name: string) =>
    `Para abrir esta aplicación, ${name}, las reglas de acceso de su organización piden que un responsable de su tienda lo confirme aquí.`,
  title: 'Un responsable debe confirmar este inicio de sesión',
  explanation: (name: string) =>
    `Su credencial y su PIN son correctos, ${name}. Las reglas de acceso de su organización piden además que un responsable de su tienda confirme aquí este inicio de sesión.`,
};
