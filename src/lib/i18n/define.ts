/**
 * One area of the message catalogue in English, the reference language: every other language
 * (messages/es/…) is typed as `typeof` the English area, so it must have exactly its keys, and a
 * message with parameters takes the same parameters there.
 */
type Message = string | ((...args: never[]) => string);
type Shape<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

export function english<T extends Record<string, Message>>(messages: T): Shape<T> {
  // Shape<T> is T with each message's parameters spelt out; the cast only restates that.
  return messages as unknown as Shape<T>;
}
