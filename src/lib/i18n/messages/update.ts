import { english } from '../define';

export const update = english({
  ready: 'A new version of Shiftpass is ready.',
  apply: 'Update now',
});
