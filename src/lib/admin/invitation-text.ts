/** Words of the console invitation page (/admin/invitation#token). */
export const invitationText = {
  title: 'Choose your console password',
  intro:
    'An admin invited you to the Shiftpass console. Choose a password; then sign in and set up an authenticator app on your phone.',
  password: 'New password',
  passwordHint: 'At least 12 characters. A few unrelated words make a strong password that is easy to type.',
  confirm: 'Type the password again',
  mismatch: 'The two passwords are not the same.',
  submit: 'Set password',
  busy: 'Setting password…',
  done: 'Your password is set. Sign in with it now; the console will then help you set up your authenticator app.',
  signIn: 'Go to sign-in',
  noLink:
    'This page needs the invitation link an admin gave you (it ends with a long code after #). Ask an admin for a new link.',
  invalid: 'This invitation link is invalid, expired or already used. Ask an admin for a new one.',
};
