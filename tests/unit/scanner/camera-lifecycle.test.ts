import { describe, expect, it } from 'vitest';
import { createCameraLifecycle } from '../../../src/lib/scanner/camera-lifecycle';

/** A camera whose start and stop finish only when the test says so. */
function fakeCamera() {
  const log: string[] = [];
  const pendingStarts: { deviceId: string | null; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let live = 0;
  let maxLive = 0;
  let serial = 0;
  const lifecycle = createCameraLifecycle<string>({
    start: (deviceId) =>
      new Promise<string>((resolve, reject) => {
        log.push(`start ${deviceId ?? 'rear'}`);
        pendingStarts.push({
          deviceId,
          resolve: () => {
            live++;
            maxLive = Math.max(maxLive, live);
            resolve(`cam${++serial}:${deviceId ?? 'rear'}`);
          },
          reject,
        });
      }),
    stop: async (handle) => {
      live--;
      log.push(`stop ${handle}`);
    },
    onRunning: (handle) => log.push(`running ${handle}`),
    onStopped: () => log.push('stopped'),
    onError: (error) => log.push(`error ${String(error)}`),
  });
  const flush = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return {
    lifecycle,
    log,
    flush,
    get live() {
      return live;
    },
    get maxLive() {
      return maxLive;
    },
    finishStart: async () => {
      pendingStarts.shift()!.resolve();
      await flush();
    },
    failStart: async (error: unknown) => {
      pendingStarts.shift()!.reject(error);
      await flush();
    },
    get startsWaiting() {
      return pendingStarts.length;
    },
  };
}

describe('createCameraLifecycle', () => {
  it('starts once even when asked to run twice while starting', async () => {
    const cam = fakeCamera();
    cam.lifecycle.run();
    cam.lifecycle.run();
    await cam.flush();
    expect(cam.startsWaiting).toBe(1);
    await cam.finishStart();
    await cam.lifecycle.settled();
    expect(cam.log).toEqual(['start rear', 'running cam1:rear']);
  });

  it('hidden while the camera is still starting: it is stopped as soon as it starts, then restarted once', async () => {
    const cam = fakeCamera();
    cam.lifecycle.run();
    cam.lifecycle.pause(); // page hidden during getUserMedia
    await cam.finishStart();
    expect(cam.live).toBe(0);
    cam.lifecycle.run(); // visible again
    cam.lifecycle.run();
    await cam.flush();
    await cam.finishStart();
    await cam.lifecycle.settled();
    expect(cam.log).toEqual(['start rear', 'stop cam1:rear', 'stopped', 'start rear', 'running cam2:rear']);
    expect(cam.maxLive).toBe(1);
  });

  it('switches camera by stopping the running one first', async () => {
    const cam = fakeCamera();
    cam.lifecycle.run();
    await cam.finishStart();
    cam.lifecycle.run('front');
    await cam.flush();
    await cam.finishStart();
    await cam.lifecycle.settled();
    expect(cam.log).toEqual([
      'start rear',
      'running cam1:rear',
      'stop cam1:rear',
      'stopped',
      'start front',
      'running cam2:front',
    ]);
    expect(cam.maxLive).toBe(1);
  });

  it('resumes on the camera chosen last', async () => {
    const cam = fakeCamera();
    cam.lifecycle.run('front');
    await cam.finishStart();
    cam.lifecycle.pause();
    await cam.lifecycle.settled();
    cam.lifecycle.run();
    await cam.flush();
    await cam.finishStart();
    expect(cam.log.at(-1)).toBe('running cam2:front');
  });

  it('reports a failed start and stays stopped', async () => {
    const cam = fakeCamera();
    cam.lifecycle.run();
    await cam.failStart('NotAllowedError');
    await cam.lifecycle.settled();
    expect(cam.log).toEqual(['start rear', 'error NotAllowedError']);
    expect(cam.lifecycle.wanted).toBe(false);
  });

  it('after dispose it stops the camera and never starts it again', async () => {
    const cam = fakeCamera();
    cam.lifecycle.run();
    await cam.finishStart();
    cam.lifecycle.dispose();
    await cam.lifecycle.settled();
    cam.lifecycle.run();
    await cam.flush();
    expect(cam.startsWaiting).toBe(0);
    expect(cam.live).toBe(0);
  });
});
