/**
 * One area of the message catalogue in every language. English is the reference: the other languages
 * must have exactly its keys, and a message with parameters takes the same parameters everywhere.
 */
import type { Locale } from './locale';

type Message = string | ((...args: never[]) => string);
type Shape<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

export type Area<T> = Record<Locale, Shape<T>>;

export function defineMessages<T extends Record<string, Message>>(
  en: T,
  others: Omit<Area<T>, 'en'>,
): Area<T> {
  // Shape<T> is T with each message's parameters spelt out; the cast only restates that.
  return { en: en as unknown as Shape<T>, ...others };
}
