/**
 * A sign-in an access rule sends to a second factor, confirmed by a manager on this phone
 * (src/lib/kiosk/kiosk-flow.svelte.ts, the `step-up` step; the manager's screens are ManagerConfirm's).
 */
import { english } from '../define';

export const stepUp = english({
  /** Above the manager's scan and PIN: whose sign-in they confirm. */
  confirming: (name: string) => `Confirming the sign-in of ${name}`,
  /** A store app asked it of a signed-in worker. */
  explanationApp: (name: string, app: string) =>
    `To open ${app}, ${name}, your organization’s access rules need a manager of your store to confirm it here.`,
  explanationAnApp: (name: string) =>
    `To open this app, ${name}, your organization’s access rules need a manager of your store to confirm it here.`,
  title: 'A manager must confirm this sign-in',
  explanation: (name: string) =>
    `Your badge and PIN are right, ${name}. Your organization’s access rules also need a manager of your store to confirm this sign-in here.`,
});
