// Rendered on the server too (unlike the rest of the console): the page holds nothing personal (the
// token stays in the fragment, which never reaches the server), and starting from server HTML the
// browser hydrates it instead of navigating to it, so SvelteKit never decodes a damaged fragment
// (`#%E0%A4%A` threw "URI malformed" from its scroll-to-anchor step); the page says "This link is
// damaged" itself (src/lib/link-token.ts).
export const ssr = true;
