/** Spanish for messages/type-code.ts (English there is the reference: same keys, same parameters). */
import type { typeCode as english } from '../type-code';

export const typeCode: typeof english = {
  instead: 'Escribir el código',
  title: 'Escriba el código de su credencial',
  label: 'Código de la credencial',
  hint: 'Las 10 letras y números impresos debajo del código QR, como 7KQ4M-2XJ9P. Da igual si usa mayúsculas, espacios o guiones.',
  next: 'Siguiente',
  scanInstead: 'Escanear la credencial',
  empty: 'Escriba el código impreso debajo del código QR de su credencial.',
  invalid: 'Un código de credencial tiene 10 letras y números, como 7KQ4M-2XJ9P. Revise lo que ha escrito.',
  notRecognized:
    'No se reconoce este código. Compárelo con su credencial y vuelva a escribirlo, o consulte a su responsable.',
};
