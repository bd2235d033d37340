/** Camera failures, reduced to the few reasons the scan screen words for a worker. */
export type CameraProblem = 'denied' | 'no_camera' | 'busy' | 'insecure' | 'unknown';

export function cameraProblemOf(error: unknown): CameraProblem {
  const explicit = (error as { problem?: unknown } | null)?.problem;
  if (typeof explicit === 'string' && isCameraProblem(explicit)) return explicit;
  const text = String(error instanceof Error ? `${error.name} ${error.message}` : error);
  if (/NotAllowedError|Permission|denied/i.test(text)) return 'denied';
  if (/NotFoundError|OverconstrainedError|no camera|Requested device not found/i.test(text))
    return 'no_camera';
  if (/NotReadableError|TrackStartError|Could not start video source|AbortError/i.test(text)) return 'busy';
  return 'unknown';
}

const PROBLEMS: readonly CameraProblem[] = ['denied', 'no_camera', 'busy', 'insecure', 'unknown'];
const isCameraProblem = (text: string): text is CameraProblem =>
  (PROBLEMS as readonly string[]).includes(text);

/** An Error carrying the problem, so callers above the scanner need not parse messages again. */
export const cameraError = (problem: CameraProblem, cause?: unknown): Error =>
  Object.assign(new Error(cause === undefined ? problem : String(cause)), { problem });
