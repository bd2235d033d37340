/** Words of the console invitation page (/admin/invitation#token) and its panel; Spanish in i18n/es/. */
export const invitationText = {
  title: 'Choose your console password',
  intro:
    'An admin invited you to the Shiftpass console. Choose a password; then sign in and set up an authenticator app on your phone.',
  password: 'New password',
  passwordHint: 'At least 12 characters. A few unrelated words make a strong password that is easy to type.',
  passwordTooShort: 'The password needs at least 12 characters.',
  confirm: 'Type the password again',
  mismatch: 'The two passwords are not the same.',
  submit: 'Set password',
  busy: 'Setting password…',
  done: 'Your password is set. Sign in with it now; the console will then help you set up your authenticator app.',
  signIn: 'Go to sign-in',
  noLink:
    'This page needs the invitation link an admin gave you (it ends with a long code after #). Ask an admin for a new link.',
  invalid: 'This invitation link is invalid, expired or already used. Ask an admin for a new one.',
  damaged:
    'This link is damaged: part of it was lost or changed on its way. Open the whole link again, or ask an admin for a new one.',
  /** The panel on a manager's or admin's page (admins only). */
  panel: {
    title: 'Console access',
    intro:
      'Create a one-time link with which this person chooses a console password and then sets up their own authenticator app. It also resets someone who lost their phone and recovery codes: when the link is used, their old password and authenticator stop working and their sessions end.',
    notAllowed:
      'Only enabled managers and admins can use the console. Change the role or enable the account first.',
    create: 'Create an invitation link',
    creating: 'Creating…',
    once: (until: string) =>
      `Shown only now: give this link to the person yourself (in person or through your company's own messaging). It works once, until ${until}. Whoever has it can set the password.`,
    linkLabel: 'Invitation link',
    copy: 'Copy link',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy. Select the link and copy it yourself.',
    done: 'Done',
    reauthCancelled: 'No link was created: confirming it’s you is needed first.',
  },
};
