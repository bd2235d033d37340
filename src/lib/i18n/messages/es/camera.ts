/** Spanish for messages/camera.ts (English there is the reference: same keys, same parameters). */
import type { camera as english } from '../camera';

export const camera: typeof english = {
  denied:
    'La cámara está bloqueada. Permita el acceso a la cámara para este sitio en los ajustes del navegador y pulse «Probar la cámara otra vez».',
  no_camera: 'No se encontró ninguna cámara en este dispositivo. Use un teléfono o una tableta con cámara.',
  busy: 'Otra aplicación está usando la cámara. Ciérrela y pulse «Probar la cámara otra vez».',
  insecure:
    'La cámara solo funciona con HTTPS. Pida a su administrador que abra Shiftpass con una dirección https://.',
  unknown: 'La cámara no pudo iniciarse. Pulse «Probar la cámara otra vez».',
};
