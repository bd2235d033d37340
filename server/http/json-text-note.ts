/**
 * The note a JSON answer carries from `c.json()` (server/http/middleware/json-text.ts) to npm start's
 * Node handler (server/http/node-api-handler.ts), which then writes the text straight to the socket
 * instead of reading the Response's body back through a web stream. The note travels with that
 * Response object only: an answer rebuilt afterwards is a new object without it.
 */
const JSON_TEXT = Symbol('shiftpass.jsonText');

type NotedResponse = Response & { [JSON_TEXT]?: string };

/** Marks `response` as made from `text` by `c.json()`. */
export function noteJsonText(response: Response, text: string): void {
  (response as NotedResponse)[JSON_TEXT] = text;
}

/** The JSON text `c.json()` made `response` with, if it was made that way and is unchanged since. */
export const jsonTextOf = (response: Response): string | undefined => (response as NotedResponse)[JSON_TEXT];
