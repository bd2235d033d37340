import { english } from '../define';

export const scan = english({
  title: 'Scan your badge',
  hint: 'Hold the QR code on your badge in front of the camera.',
  cameraView: 'Camera view',
  starting: 'Starting the camera…',
  tryAgain: 'Try the camera again',
  torch: 'Flashlight',
  switchCamera: 'Switch camera',
});
