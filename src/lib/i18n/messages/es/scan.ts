/** Spanish for messages/scan.ts (English there is the reference: same keys, same parameters). */
import type { scan as english } from '../scan';

export const scan: typeof english = {
  title: 'Escanee su credencial',
  hint: 'Ponga el código QR de su credencial delante de la cámara.',
  cameraView: 'Vista de la cámara',
  starting: 'Iniciando la cámara…',
  tryAgain: 'Probar la cámara otra vez',
  torch: 'Linterna',
  switchCamera: 'Cambiar de cámara',
};
