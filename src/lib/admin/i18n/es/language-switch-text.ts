import type { languageSwitchText as english } from '../language-switch-text';

export const languageSwitchText: typeof english = {
  label: 'Idioma',
};
