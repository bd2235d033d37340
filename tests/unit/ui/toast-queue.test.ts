import { describe, expect, test } from 'vitest';
import { ToastQueue, type ToastTimer } from '../../../src/lib/ui/toast-queue.svelte.js';

/** A timer that runs nothing until told: `fire()` runs every pending callback once. */
function manualTimer() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const timer: ToastTimer = {
    set: (run) => {
      pending.set(next, run);
      return next++;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  const fire = () => {
    const runs = [...pending.values()];
    pending.clear();
    runs.forEach((run) => run());
  };
  return { timer, fire, pending };
}

describe('the toast queue', () => {
  test('shows a message until its time is up', () => {
    const { timer, fire } = manualTimer();
    const queue = new ToastQueue(timer);
    queue.show('Changes saved.');
    expect(queue.items.map((t) => t.message)).toEqual(['Changes saved.']);
    fire();
    expect(queue.items).toEqual([]);
  });

  test('a dismissed message goes at once and its timer is cleared', () => {
    const { timer, pending } = manualTimer();
    const queue = new ToastQueue(timer);
    const id = queue.show('Unlocked.');
    queue.dismiss(id);
    expect(queue.items).toEqual([]);
    expect(pending.size).toBe(0);
  });

  test('the same message twice shows once, with its time restarted', () => {
    const { timer, pending } = manualTimer();
    const queue = new ToastQueue(timer);
    queue.show('Changes saved.');
    queue.show('Changes saved.');
    expect(queue.items).toHaveLength(1);
    expect(pending.size).toBe(1);
  });

  test('keeps at most three, dropping the oldest', () => {
    const { timer } = manualTimer();
    const queue = new ToastQueue(timer, 6000, 3);
    for (const message of ['one', 'two', 'three', 'four']) queue.show(message);
    expect(queue.items.map((t) => t.message)).toEqual(['two', 'three', 'four']);
  });

  test('clear removes everything (a sign-out)', () => {
    const { timer, pending } = manualTimer();
    const queue = new ToastQueue(timer);
    queue.show('one');
    queue.show('two');
    queue.clear();
    expect(queue.items).toEqual([]);
    expect(pending.size).toBe(0);
  });
});
