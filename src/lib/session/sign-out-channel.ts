/**
 * Tells every other open tab of this app that the worker signed out, so none keeps showing their data.
 * One channel object per tab posts and listens: BroadcastChannel does not echo a message back to the
 * object that posted it.
 */
const CHANNEL_NAME = 'shiftpass-session';
const SIGNED_OUT = 'signed-out';

export interface SignOutChannel {
  announce(): void;
  close(): void;
}

export function openSignOutChannel(onSignOutElsewhere: () => void): SignOutChannel {
  if (typeof BroadcastChannel === 'undefined') return { announce: () => {}, close: () => {} };
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event) => {
    if (event.data === SIGNED_OUT) onSignOutElsewhere();
  };
  return { announce: () => channel.postMessage(SIGNED_OUT), close: () => channel.close() };
}
