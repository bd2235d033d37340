/**
 * The page's side of the decode worker (decode-worker.ts: the native BarcodeDetector where the worker
 * has one, zxing-cpp compiled to WebAssembly for every frame it does not read). One worker for the
 * page's lifetime, so a camera restarted for the next worker (sign-out, camera switch, page shown
 * again) decodes at once, without compiling the `.wasm` again. Frames go over transferred (VideoFrames,
 * else ImageBitmaps), one at a time (the scan loop waits for each answer). Imported dynamically when the
 * camera first starts. The `.wasm`'s URL is imported here, not in the worker, so that the build lists
 * it with this chunk's assets and the service worker precaches it (src/service-worker.ts).
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import DecodeWorker from './decode-worker?worker';
import type { FromWorker, Frame, WorkerInit, WorkerReady } from './decode-protocol';

/** A worker that has not said what it can do by then is given up on (html5-qrcode takes over). */
export const WORKER_READY_TIMEOUT_MS = 15_000;

export interface WorkerDecoder {
  readonly capabilities: Readonly<WorkerReady>;
  /**
   * The QR text in the frame, or null. The frame is transferred. Rejects once the worker has failed
   * (the caller then switches to the fallback decoder).
   */
  decode(frame: Frame): Promise<string | null>;
  /**
   * Hands the worker a camera's frame stream (MediaStreamTrackProcessor's readable, transferred): it
   * reads and decodes at its own pace and calls `onText` with each text. `onFailed` is called if the
   * worker dies. Returns the function that stops the watch; throws where streams cannot be
   * transferred (the caller then sends frames one by one).
   */
  watch(frames: ReadableStream<VideoFrame>, onText: (text: string) => void, onFailed: () => void): () => void;
}

let shared: Promise<WorkerDecoder | null> | null = null;

/** The page's decode worker, started on first use; null where a worker or its decoders cannot run. */
export function workerDecoder(): Promise<WorkerDecoder | null> {
  if (!shared) {
    // A worker that could not start or failed later is forgotten: the next camera start tries afresh.
    const started: Promise<WorkerDecoder | null> = startWorker(() => {
      if (shared === started) shared = null;
    });
    shared = started;
    void started.then((decoder) => {
      if (!decoder && shared === started) shared = null;
    });
  }
  return shared;
}

/** `onBroken` is called (asynchronously) when a started worker fails. */
function startWorker(onBroken: () => void): Promise<WorkerDecoder | null> {
  if (typeof Worker === 'undefined' || typeof createImageBitmap !== 'function') return Promise.resolve(null);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new DecodeWorker();
    } catch {
      resolve(null);
      return;
    }
    const pending = new Map<number, { resolve(text: string | null): void; reject(error: Error): void }>();
    const watchers = new Map<number, { onText(text: string): void; onFailed(): void }>();
    let nextId = 1;
    let broken = false;
    const fail = () => {
      if (broken) return;
      broken = true;
      clearTimeout(timer);
      worker.terminate();
      onBroken();
      for (const answer of pending.values()) answer.reject(new Error('the decode worker stopped'));
      pending.clear();
      for (const watcher of [...watchers.values()]) watcher.onFailed();
      watchers.clear();
      resolve(null); // no effect once it resolved with a decoder
    };
    const timer = setTimeout(fail, WORKER_READY_TIMEOUT_MS);
    worker.postMessage({ type: 'init', wasmUrl } satisfies WorkerInit);
    worker.onerror = fail;
    worker.onmessageerror = fail;
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'found') {
        watchers.get(message.run)?.onText(message.text);
        return;
      }
      if (message.type === 'result') {
        pending.get(message.id)?.resolve(message.text);
        pending.delete(message.id);
        return;
      }
      clearTimeout(timer);
      if (!message.detector && !message.wasm) return fail();
      resolve({
        capabilities: message,
        decode(frame) {
          if (broken) {
            frame.close();
            return Promise.reject(new Error('the decode worker stopped'));
          }
          const id = nextId++;
          return new Promise((resolve, reject) => {
            pending.set(id, { resolve, reject });
            worker.postMessage({ type: 'decode', id, frame }, [frame]);
          });
        },
        watch(frames, onText, onFailed) {
          if (broken) throw new Error('the decode worker stopped');
          const run = nextId++;
          worker.postMessage({ type: 'watch', run, frames }, [frames as unknown as Transferable]);
          watchers.set(run, { onText, onFailed });
          return () => {
            if (!watchers.delete(run) || broken) return;
            worker.postMessage({ type: 'unwatch', run });
          };
        },
      });
    };
  });
}
