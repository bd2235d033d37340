// Outside the console layout (nothing but labels may reach the paper), so the console's
// browser-only rendering is set here again: the sheet is built from memory in the browser.
export const ssr = false;
