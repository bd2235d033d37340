/** The typed fallback: the short code printed under the badge's QR image, for when scanning fails. */
import { defineMessages } from '../define';

export const typeCode = defineMessages(
  {
    instead: 'Type code instead',
    title: 'Type the code on your badge',
    label: 'Badge code',
    hint: 'The 10 letters and numbers printed under the QR code, like 7KQ4M-2XJ9P. Capitals, spaces and dashes do not matter.',
    next: 'Next',
    scanInstead: 'Scan instead',
    invalid: 'A badge code has 10 letters and numbers, like 7KQ4M-2XJ9P. Check what you typed.',
    notRecognized:
      'This code is not recognized. Check it against your badge and type it again, or ask your manager.',
  },
  {
    es: {
      instead: 'Escribir el código',
      title: 'Escriba el código de su credencial',
      label: 'Código de la credencial',
      hint: 'Las 10 letras y números impresos debajo del código QR, como 7KQ4M-2XJ9P. Da igual si usa mayúsculas, espacios o guiones.',
      next: 'Siguiente',
      scanInstead: 'Escanear la credencial',
      invalid:
        'Un código de credencial tiene 10 letras y números, como 7KQ4M-2XJ9P. Revise lo que ha escrito.',
      notRecognized:
        'No se reconoce este código. Compárelo con su credencial y vuelva a escribirlo, o consulte a su responsable.',
    },
  },
);
