/**
 * The choices of a Select, Combobox or MultiSelect, and the combobox's filter: a typed text matches an
 * option whose label contains it, ignoring case and accents ("nunez" finds "Núñez"), options whose
 * label starts with it first.
 */
export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

/** Lower case without accents: "Núñez" → "nunez". */
export const foldText = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

export function filterOptions(options: readonly Option[], typed: string): Option[] {
  const needle = foldText(typed.trim());
  if (needle === '') return [...options];
  const starts: Option[] = [];
  const contains: Option[] = [];
  for (const option of options) {
    const label = foldText(option.label);
    if (label.startsWith(needle)) starts.push(option);
    else if (label.includes(needle)) contains.push(option);
  }
  return [...starts, ...contains];
}

/** The label of the chosen value, or `fallback` when nothing (or an unknown value) is chosen. */
export function labelOf(options: readonly Option[], value: string, fallback: string): string {
  return options.find((option) => option.value === value)?.label ?? fallback;
}

/** The labels of several chosen values, in the options' order, joined for a trigger. */
export function labelsOf(options: readonly Option[], values: readonly string[], fallback: string): string {
  const chosen = options.filter((option) => values.includes(option.value)).map((option) => option.label);
  return chosen.length === 0 ? fallback : chosen.join(', ');
}
