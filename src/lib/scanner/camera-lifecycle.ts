/**
 * Owns "is the camera running, and which one" for the scan screen. Requests (run, pause, switch,
 * dispose) may arrive at any moment — a tab hidden while the camera is still starting, a switch
 * pressed twice — and are applied one at a time, so the camera is never started twice or left on.
 */
export interface CameraLifecycleOptions<Handle> {
  start(deviceId: string | null): Promise<Handle>;
  stop(handle: Handle): Promise<void>;
  onRunning(handle: Handle): void;
  onStopped(): void;
  onError(error: unknown): void;
}

export interface CameraLifecycle {
  /** Run the camera (again), on `deviceId` or, when null, the rear camera. */
  run(deviceId?: string | null): void;
  pause(): void;
  dispose(): void;
  /** Settles when every request so far has been applied (tests and teardown wait on it). */
  settled(): Promise<void>;
  readonly wanted: boolean;
}

export function createCameraLifecycle<Handle>(options: CameraLifecycleOptions<Handle>): CameraLifecycle {
  let wanted = false;
  let wantedDevice: string | null = null;
  let disposed = false;
  let current: { handle: Handle; deviceId: string | null } | null = null;
  let busy = false;
  let work: Promise<void> = Promise.resolve();

  /** Applies requests until the camera matches them; the last check and the exit are one step. */
  async function apply(): Promise<void> {
    for (;;) {
      if (current && (!wanted || current.deviceId !== wantedDevice)) {
        const { handle } = current;
        current = null;
        try {
          await options.stop(handle);
        } catch {
          // Stopping a camera that already went away is not a problem for the worker.
        }
        options.onStopped();
        continue;
      }
      if (!current && wanted) {
        const deviceId = wantedDevice;
        try {
          current = { handle: await options.start(deviceId), deviceId };
        } catch (error) {
          wanted = false;
          if (!disposed) options.onError(error);
          continue;
        }
        if (wanted && wantedDevice === deviceId && !disposed) options.onRunning(current.handle);
        continue;
      }
      busy = false;
      return;
    }
  }

  function kick(): void {
    if (busy) return;
    busy = true;
    work = apply();
  }

  return {
    run(deviceId = wantedDevice) {
      if (disposed) return;
      wanted = true;
      wantedDevice = deviceId;
      kick();
    },
    pause() {
      wanted = false;
      kick();
    },
    dispose() {
      disposed = true;
      wanted = false;
      kick();
    },
    async settled() {
      while (busy) await work;
    },
    get wanted() {
      return wanted;
    },
  };
}
