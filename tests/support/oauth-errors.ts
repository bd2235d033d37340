/** What an app sees when an openid-client call is refused: the OAuth error code it failed with. */

/** The OAuth error code (`invalid_grant`, `invalid_client`, …) an openid-client call failed with. */
export async function oauthErrorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { error?: string }).error ?? (error as Error).message;
  }
  throw new Error('expected an OAuth error');
}
