/** Why the camera did not start, keyed by the scanner's CameraProblem. */
import { english } from '../define';

export const camera = english({
  denied:
    'The camera is blocked. Allow camera access for this site in the browser settings, then press "Try the camera again".',
  no_camera: 'No camera was found on this device. Use a phone or tablet with a camera.',
  busy: 'The camera is in use by another app. Close that app, then press "Try the camera again".',
  insecure:
    'The camera only works over HTTPS. Ask your administrator to open Shiftpass with an https:// address.',
  unknown: 'The camera could not start. Press "Try the camera again".',
});
