/**
 * A sign-in an access rule sends to a second factor, confirmed by a manager on this phone
 * (src/lib/kiosk/kiosk-flow.svelte.ts, the `step-up` step; the manager's screens are ManagerConfirm's).
 */
import { english } from '../define';

export const stepUp = english({
  title: 'A manager must confirm this sign-in',
  explanation: (name: string) =>
    `Your badge and PIN are right, ${name}. Your organization’s access rules also need a manager of your store to confirm this sign-in here.`,
});
