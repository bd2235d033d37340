/** Words of the Copy button beside a value shown once (a token, a client secret) or to hand on (a client ID). */
export const copyText = {
  copy: 'Copy',
  copied: (what: string) => `${what} copied.`,
  copyFailed: 'Copying did not work: select the text and copy it by hand.',
};
