// Rendered in the browser only: the page asks the API who is signed in and holds nothing in server HTML.
export const ssr = false;
