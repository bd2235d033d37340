/** Pure helpers for the scan screen's camera controls (torch, camera switch). */

export interface CameraChoice {
  id: string;
  label: string;
}

/** Whether a video track's capabilities offer a torch (Chrome reports `torch: true`). */
export function supportsTorch(capabilities: unknown): boolean {
  const torch = (capabilities as { torch?: unknown } | null)?.torch;
  return torch === true || (Array.isArray(torch) && torch.includes(true));
}

/** The camera after `currentId` in the list, wrapping round; null when there is nothing to switch to. */
export function nextCamera(cameras: readonly CameraChoice[], currentId: string | null): CameraChoice | null {
  if (cameras.length < 2) return null;
  const index = cameras.findIndex((camera) => camera.id === currentId);
  return cameras[(index + 1) % cameras.length] ?? null;
}

/** Frame size handed to the second decoder: the video's own pixels, the long side capped. */
export function sampleSize(
  videoWidth: number,
  videoHeight: number,
  maxSide: number,
): { width: number; height: number } | null {
  if (videoWidth <= 0 || videoHeight <= 0) return null;
  const scale = Math.min(1, maxSide / Math.max(videoWidth, videoHeight));
  return { width: Math.round(videoWidth * scale), height: Math.round(videoHeight * scale) };
}
