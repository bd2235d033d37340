/** Words of the one-time setup page (/setup#token) that creates the first admin; Spanish in i18n/es/. */
export const setupText = {
  product: 'Shiftpass',
  tagline: 'QR-code + PIN sign-in for store workers on shared phones',
  pageTitle: 'Set up Shiftpass',
  checking: 'Checking your setup link…',
  title: 'Create the first admin',
  intro:
    'This page creates the first admin: you. With this account you then run the Shiftpass console, where you switch on QR sign-in and add stores, people, badges and kiosks.',
  username: 'Sign-in name',
  usernameHint:
    'The name you will sign in to the console with, for example your work email address. No spaces.',
  usernameMissing: 'Type a sign-in name.',
  usernameTaken: 'Someone already has this sign-in name. Choose another.',
  displayName: 'Your name (optional)',
  displayNameHint: 'How you appear in the console and its logs. Left empty, your sign-in name is used.',
  password: 'Password',
  passwordHint: 'At least 12 characters. A few unrelated words make a strong password that is easy to type.',
  passwordTooShort: 'The password needs at least 12 characters.',
  confirm: 'Type the password again',
  mismatch: 'The two passwords are not the same.',
  submit: 'Create the first admin',
  busy: 'Creating the admin…',
  created: {
    title: 'Admin created',
    done: (username: string) => `The admin ${username} is ready, and this setup link no longer works.`,
    tokenTitle: 'Your admin API token',
    once: 'Shown only now: copy it and keep it somewhere safe, such as a password manager. It will not be shown again.',
    tokenLabel: 'Admin API token',
    tokenUse: (until: string) =>
      `Scripts and other systems use it to call the Shiftpass API with full admin access until ${until} (send it as "Authorization: Bearer …"). For anything else, make a token that may do only what it needs on the console's API tokens page.`,
    copy: 'Copy token',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy. Select the token and copy it yourself.',
    nextTitle: 'Next: the console',
    next: 'Sign in with your sign-in name and password. At the first sign-in the console helps you set up an authenticator app on your phone, then shows the first steps.',
    goToConsole: 'Go to the console',
  },
  used: {
    title: 'This setup link has already been used',
    body: 'The first admin exists. Sign in to the console with that admin’s sign-in name and password; other admins and managers are invited from the console.',
  },
  expired: {
    title: 'This setup link has expired',
    body: 'A setup link works for 24 hours. Restart Shiftpass (stop it, then run npm start again) and open the new link it prints.',
  },
  unknown: {
    title: 'This setup link does not work',
    body: 'It is not the newest link: each restart of Shiftpass prints a new one and the old one stops working. Open the newest link npm start printed. If the first admin has already been created, sign in to the console instead.',
  },
  signIn: 'Sign in to the console',
  noLink:
    'This page needs the one-time setup link printed by npm start (it ends with a long code after #). Restart Shiftpass to print a new one.',
  damaged:
    'This link is damaged: part of it was lost or changed on its way. Copy the whole setup link printed by npm start again, or restart Shiftpass to print a new one.',
};
