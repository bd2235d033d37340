import { english } from '../define';

export const common = english({
  appName: 'Shiftpass',
  loading: 'Loading…',
  language: 'Language',
});
