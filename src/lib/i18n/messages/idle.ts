import { english } from '../define';

export const idle = english({
  title: 'Still there?',
  countdown: (seconds: number) => `You will be signed out in ${seconds} seconds.`,
  stay: "I'm still here",
  signOutNow: 'Sign out now',
});
