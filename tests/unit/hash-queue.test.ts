/** The order of slow secret checks under load (server/domain/hash-queue.ts), without argon2. */
import { describe, expect, test } from 'vitest';
import { HashQueue } from '../../server/domain/hash-queue.js';

/** Queues named checks; `run()` starts what may start, `end(name)` ends one. */
function queueOf(concurrency: number, patience?: number) {
  const queue = new HashQueue<string>({ concurrency, patience });
  const started: string[] = [];
  return {
    queue,
    started,
    add: (name: string, rank = 0, key?: string) => queue.add(name, { rank, key }),
    run: () => {
      const now = queue.take();
      started.push(...now);
      return now;
    },
    end: (name: string) => queue.done(name),
  };
}

describe('HashQueue', () => {
  test('runs no more checks at once than its concurrency; the rest wait their turn', () => {
    const q = queueOf(2);
    for (const name of ['a', 'b', 'c', 'd']) q.add(name);
    expect(q.run()).toEqual(['a', 'b']);
    expect(q.run()).toEqual([]);
    expect({ running: q.queue.running, queued: q.queue.queued }).toEqual({ running: 2, queued: 2 });
    q.end('a');
    expect(q.run()).toEqual(['c']);
    q.end('b');
    q.end('c');
    expect(q.run()).toEqual(['d']);
  });

  test('a clean badge goes before badges with wrong PINs that were queued earlier', () => {
    const q = queueOf(1);
    q.add('busy');
    q.run();
    q.add('guess on a badge with 3 failures', 3, 'badge-1');
    q.add('guess on a badge with 1 failure', 1, 'badge-2');
    q.add('worker', 0, 'badge-3');
    q.end('busy');
    q.run();
    q.end('worker');
    q.run();
    q.end('guess on a badge with 1 failure');
    q.run();
    expect(q.started).toEqual([
      'busy',
      'worker',
      'guess on a badge with 1 failure',
      'guess on a badge with 3 failures',
    ]);
  });

  test('a flood of ranked checks does not age itself ahead of a clean check that comes later', () => {
    const q = queueOf(1, 2);
    q.add('busy');
    q.run();
    for (let i = 0; i < 10; i++) q.add(`guess ${i}`, 1, `badge-${i}`);
    q.add('worker');
    q.end('busy');
    expect(q.run()).toEqual(['worker']);
  });

  test('equal standing is first come, first served', () => {
    const q = queueOf(1);
    for (const name of ['a', 'b', 'c']) q.add(name, 2);
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [next] = q.run();
      order.push(next!);
      q.end(next!);
    }
    expect(order).toEqual(['a', 'b', 'c']);
  });

  test('two checks of one badge never run at once, even with free slots; other badges pass the waiting one', () => {
    const q = queueOf(4);
    q.add('badge-1 first', 0, 'badge-1');
    q.add('badge-1 second', 0, 'badge-1');
    q.add('badge-2', 0, 'badge-2');
    expect(q.run()).toEqual(['badge-1 first', 'badge-2']);
    expect(q.run()).toEqual([]);
    q.end('badge-1 first');
    expect(q.run()).toEqual(['badge-1 second']);
  });

  test('checks without a key (unrecognized badges) run side by side', () => {
    const q = queueOf(3);
    q.add('x', 1);
    q.add('y', 1);
    q.add('z', 1);
    expect(q.run()).toEqual(['x', 'y', 'z']);
  });

  test('a ranked check is not starved: it runs once `patience` later clean checks have passed it', () => {
    const q = queueOf(1, 2);
    q.add('first');
    q.run();
    q.add('ranked', 1);
    for (const name of ['c1', 'c2', 'c3', 'c4']) q.add(name, 0);
    let previous = 'first';
    for (let i = 0; i < 5; i++) {
      q.end(previous);
      previous = q.run()[0]!;
    }
    // Rank 1 × patience 2: it stands as if it had arrived after two more clean checks (c1, c2).
    expect(q.started).toEqual(['first', 'c1', 'c2', 'ranked', 'c3', 'c4']);
  });

  test('a slot and a badge are given back only by a check that is running', () => {
    const q = queueOf(1);
    q.add('a', 0, 'k');
    expect(() => q.end('a')).toThrow();
    q.run();
    q.end('a');
    expect(() => q.end('a')).toThrow();
    expect(q.queue.running).toBe(0);
  });

  test('a concurrency below one still runs one check at a time', () => {
    const q = queueOf(0);
    q.add('a');
    q.add('b');
    expect(q.run()).toEqual(['a']);
  });
});
