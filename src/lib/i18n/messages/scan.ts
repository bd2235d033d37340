import { defineMessages } from '../define';

export const scan = defineMessages(
  {
    title: 'Scan your badge',
    hint: 'Hold the QR code on your badge in front of the camera.',
    cameraView: 'Camera view',
    starting: 'Starting the camera…',
    tryAgain: 'Try the camera again',
    torch: 'Flashlight',
    switchCamera: 'Switch camera',
  },
  {
    es: {
      title: 'Escanee su credencial',
      hint: 'Ponga el código QR de su credencial delante de la cámara.',
      cameraView: 'Vista de la cámara',
      starting: 'Iniciando la cámara…',
      tryAgain: 'Probar la cámara otra vez',
      torch: 'Linterna',
      switchCamera: 'Cambiar de cámara',
    },
  },
);
