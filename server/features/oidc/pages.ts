/**
 * The few pages the provider itself shows (an error, the "sign out?" question of an app's sign-out
 * request, the "signed out" page), in Shiftpass's words and with nothing loaded from elsewhere:
 * oidc-provider's own pages import a web font from Google, which a store phone must not fetch.
 * Everything interpolated is escaped; error details are the standard OAuth `error` and its
 * description, never a stack.
 */
import type { KoaContextWithOIDC } from 'oidc-provider';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Shiftpass</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f8fa;color:#0f172a}
main{max-width:28rem;margin:3rem auto;padding:1.5rem;background:#fff;border:1px solid #cbd5e1;border-radius:.75rem}
h1{font-size:1.35rem;margin:0 0 .75rem}p{line-height:1.5}
button,a.button{display:block;width:100%;box-sizing:border-box;margin:.5rem 0;padding:.8rem;font-size:1rem;border-radius:.5rem;border:1px solid #0b3954;background:#fff;color:#0b3954;text-align:center;text-decoration:none;cursor:pointer}
button.primary{background:#0b3954;color:#fff}code{font-size:.9rem}
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

const kioskLink = '<a class="button" href="/">Go to the kiosk</a>';

/** An error the provider cannot send back to the app (unknown app, wrong redirect address, …). */
export async function renderError(
  ctx: KoaContextWithOIDC,
  out: { error?: string; error_description?: string },
): Promise<void> {
  ctx.type = 'html';
  const code = out.error ? `<p>Code for the app's developer: <code>${escapeHtml(out.error)}</code></p>` : '';
  const why = out.error_description ? `<p>${escapeHtml(out.error_description)}</p>` : '';
  ctx.body = page(
    'Sign-in could not continue',
    `<h1>This app's sign-in could not continue</h1>
<p>The app asked Shiftpass for something it is not set up for. Go back to the app and try again; if it
happens again, tell your manager.</p>${why}${code}${kioskLink}`,
  );
}

/** An app asked to sign the worker out (RP-initiated logout) and the provider asks to confirm. */
export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  ctx.body = page(
    'Sign out?',
    `<h1>Sign out of this phone?</h1>
<p>The app asked Shiftpass to sign you out. Signing out ends your session on this phone for every app.</p>
${form}
<button class="primary" autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}

/** After an app's sign-out, when the app gave no address to return to. */
export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  ctx.body = page(
    'Signed out',
    `<h1>You are signed out</h1><p>The next person can use the phone.</p>${kioskLink}`,
  );
}
