/** Console words of the "PIN reset request" panel on a person's page (PinResetRequestPanel.svelte). */
const time = (iso: string) => new Date(iso).toLocaleTimeString('en', { timeStyle: 'short' });

export const pinResetText = {
  title: 'PIN reset request',
  intro: (name: string) =>
    `${name} forgot their PIN and asked on a kiosk to choose a new one. Approve only if you know it is really them asking, for example after a call. You never see or set their PIN.`,
  onKiosk: (kiosk: string, at: string) => `Asked on the kiosk “${kiosk}” at ${time(at)}.`,
  onPhone: (at: string) => `Asked at ${time(at)} on a phone that is not a store kiosk.`,
  endsAt: (at: string) => `Approve before ${time(at)}; after that the request ends.`,
  approve: 'Approve PIN reset',
  approving: 'Approving…',
  decline: 'Decline',
  approved: (name: string) => `Approved. ${name} can now choose a new PIN on the kiosk.`,
  declined: 'Declined. The kiosk tells them to ask for help.',
};
