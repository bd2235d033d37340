/** The Apps page's words for an app's sign-out notices (back-channel logout deliveries). */
import { describe, expect, test } from 'vitest';
import {
  appsText,
  noticeAnswer,
  noticeSoon,
  noticeState,
  noticeTime,
  noticeWorker,
  type TimeFormat,
} from '../../src/lib/admin/apps-text.js';
import {
  LOGOUT_DELIVERY_GIVE_UP_HOURS,
  LOGOUT_DELIVERY_TIMEOUT_SECONDS,
} from '../../server/contracts/oidc-logout-deliveries.js';
import { appsText as en } from '../../src/lib/admin/apps-text.js';
import { appsText as es } from '../../src/lib/admin/i18n/es/apps-text.js';
import { GIVE_UP_AFTER_MS, SEND_TIMEOUT_MS } from '../../server/features/oidc/logout-deliverer.js';

const london: TimeFormat = {
  locale: 'en-GB',
  timeZone: 'Europe/London',
  now: new Date('2025-03-12T08:00:00Z'),
};

describe('the words match what the deliverer does', () => {
  test('the timeout and the give-up time are the deliverer’s', () => {
    expect(LOGOUT_DELIVERY_TIMEOUT_SECONDS * 1000).toBe(SEND_TIMEOUT_MS);
    expect(LOGOUT_DELIVERY_GIVE_UP_HOURS * 3600 * 1000).toBe(GIVE_UP_AFTER_MS);
  });
});

describe('noticeAnswer', () => {
  test.each([
    [null, 'No answer yet'],
    ['200', 'App answered 200 OK'],
    ['204', 'App answered 204 OK'],
    ['500', 'App answered 500 (server error)'],
    ['503', 'App answered 503 (server error)'],
    ['404', 'App answered 404 (address not found)'],
    ['401', 'App answered 401 (refused the notice)'],
    ['400', 'App answered 400 (refused the notice)'],
    ['302', 'App answered 302 (sent Shiftpass elsewhere instead of answering)'],
    ['202', 'App answered 202 (not the answer Shiftpass expects)'],
    ['timeout', 'No answer within 5 seconds'],
    ['unreachable', 'Could not reach the app'],
    ['app_gone', 'App removed or has no sign-out address'],
    ['something new', 'Unexpected answer: something new'],
    ['999', 'Unexpected answer: 999'],
  ])('%s → %s', (answer, words) => {
    expect(noticeAnswer(answer, en.notices)).toBe(words);
  });
});

describe('noticeState', () => {
  test('delivered', () => {
    expect(
      noticeState({ state: 'delivered', lastAnswer: '200', nextAttemptDateTime: null }, en.notices, london),
    ).toBe('Delivered');
  });

  test('a retry later today says only the time, in the browser’s zone', () => {
    const retry = {
      state: 'pending',
      lastAnswer: '500',
      nextAttemptDateTime: '2025-03-12T10:42:00Z',
    } as const;
    expect(noticeState(retry, en.notices, london)).toBe('Retrying — next try at 10:42');
    expect(noticeState(retry, en.notices, { ...london, timeZone: 'Europe/Madrid' })).toBe(
      'Retrying — next try at 11:42',
    );
  });

  test('a retry on another day says the date too', () => {
    const retry = {
      state: 'pending',
      lastAnswer: 'timeout',
      nextAttemptDateTime: '2025-03-13T04:05:00Z',
    } as const;
    expect(noticeState(retry, en.notices, london)).toBe('Retrying — next try at 13 Mar 2025, 04:05');
  });

  test('before the first answer (queued, or being sent) it is being sent', () => {
    expect(
      noticeState(
        { state: 'pending', lastAnswer: null, nextAttemptDateTime: '2025-03-12T08:00:00Z' },
        en.notices,
        london,
      ),
    ).toBe('Sending now');
  });

  test('given up after a day of tries, or not sent when the app has nowhere to send it', () => {
    expect(
      noticeState({ state: 'failed', lastAnswer: '500', nextAttemptDateTime: null }, en.notices, london),
    ).toBe('Gave up after 24 hours');
    expect(
      noticeState({ state: 'failed', lastAnswer: 'app_gone', nextAttemptDateTime: null }, en.notices, london),
    ).toBe('Not sent');
  });
});

describe('times and names', () => {
  test('noticeTime is a readable local date and time', () => {
    expect(noticeTime('2025-03-12T09:41:00Z', london)).toBe('12 Mar 2025, 09:41');
    expect(noticeTime('2025-07-12T09:41:00Z', london)).toBe('12 Jul 2025, 10:41');
  });

  test('noticeSoon leaves the date out for later today only (today as the browser’s zone sees it)', () => {
    expect(noticeSoon('2025-03-12T23:30:00Z', london)).toBe('23:30');
    // 23:30 UTC is already tomorrow in Madrid.
    expect(noticeSoon('2025-03-12T23:30:00Z', { ...london, timeZone: 'Europe/Madrid' })).toBe(
      '13 Mar 2025, 00:30',
    );
  });

  test('the worker is named, a deleted one is “Deleted person”, never an id', () => {
    expect(noticeWorker({ id: 'u1', displayName: 'Ana Silva' }, en.notices)).toBe('Ana Silva');
    expect(noticeWorker({ id: 'u1', displayName: null }, en.notices)).toBe('Deleted person');
  });

  test('the list says how much of it is shown', () => {
    expect(appsText.notices.shown(20, true)).toBe('Showing the 20 most recent sign-out notices.');
    expect(appsText.notices.shown(3, false)).toBe('Showing all 3 sign-out notices.');
    expect(appsText.notices.shown(1, false)).toBe('Showing the only sign-out notice.');
  });
});

test('sign-out notices read in Spanish', () => {
  expect(noticeAnswer('500', es.notices)).toBe('La app respondió 500 (error del servidor)');
  expect(noticeState({ state: 'delivered', lastAnswer: '200', nextAttemptDateTime: null }, es.notices)).toBe(
    'Entregado',
  );
  expect(noticeWorker({ id: 'u1', displayName: null }, es.notices)).toBe('Persona eliminada');
});
