import { english } from '../define';

export const home = english({
  hello: (name: string) => `Hello, ${name}`,
  stores: (names: string, count: number) => (count === 1 ? `Store: ${names}` : `Stores: ${names}`),
  timeLeft: (duration: string) => `Session time left: ${duration}`,
  hoursMinutes: (hours: number, minutes: number) => `${hours} h ${minutes} min`,
  minutes: (minutes: number) => `${minutes} min`,
  underAMinute: 'less than a minute',
  sharedDevice: 'You are signed in on this shared device. Sign out before you hand it on.',
  signOut: 'Sign out',
  apps: 'Store apps',
  opensInNewTab: '(opens in a new tab)',
  signInApps: 'Your apps',
  signInAppsHint: 'Opens signed in as you. Come back here to sign out.',
  managerPages: 'Manager pages: your team and badges',
  setUpKiosk: 'Set up this phone as a kiosk',
});
