/** Why the camera did not start, keyed by the scanner's CameraProblem. */
import { defineMessages } from '../define';

export const camera = defineMessages(
  {
    denied:
      'The camera is blocked. Allow camera access for this site in the browser settings, then press "Try the camera again".',
    no_camera: 'No camera was found on this device. Use a phone or tablet with a camera.',
    busy: 'The camera is in use by another app. Close that app, then press "Try the camera again".',
    insecure:
      'The camera only works over HTTPS. Ask your administrator to open Shiftpass with an https:// address.',
    unknown: 'The camera could not start. Press "Try the camera again".',
  },
  {
    es: {
      denied:
        'La cámara está bloqueada. Permita el acceso a la cámara para este sitio en los ajustes del navegador y pulse «Probar la cámara otra vez».',
      no_camera:
        'No se encontró ninguna cámara en este dispositivo. Use un teléfono o una tableta con cámara.',
      busy: 'Otra aplicación está usando la cámara. Ciérrela y pulse «Probar la cámara otra vez».',
      insecure:
        'La cámara solo funciona con HTTPS. Pida a su administrador que abra Shiftpass con una dirección https://.',
      unknown: 'La cámara no pudo iniciarse. Pulse «Probar la cámara otra vez».',
    },
  },
);
