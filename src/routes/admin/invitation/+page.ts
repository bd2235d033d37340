// The console is rendered in the browser only: no page of it holds anything worth server-rendering,
// and nothing personal ends up in server HTML.
export const ssr = false;
