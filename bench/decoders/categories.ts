/** The bench's degradation categories: three strengths each, on top of a camera's own blur and noise. */
import { CAMERA_BASELINE, type Degradation } from '../../tests/support/badge-frames.js';

export interface Variant {
  label: string;
  degradation: Degradation;
}

export interface Category {
  name: string;
  variants: Variant[];
}

const variant = (label: string, change: Partial<Degradation>): Variant => ({
  label,
  degradation: { ...CAMERA_BASELINE, ...change },
});

export const CATEGORIES: Category[] = [
  {
    name: 'clean',
    variants: [
      variant('5 px/module', { moduleSize: 5 }),
      variant('7 px', { moduleSize: 7 }),
      variant('9 px', { moduleSize: 9 }),
    ],
  },
  {
    name: 'noise',
    variants: [
      variant('σ 15', { noise: 15 }),
      variant('σ 25', { noise: 25 }),
      variant('σ 40', { noise: 40 }),
    ],
  },
  {
    name: 'blur',
    variants: [
      variant('σ 1.6 px', { blur: 1.6 }),
      variant('σ 2.0 px', { blur: 2.0 }),
      variant('σ 2.4 px', { blur: 2.4 }),
    ],
  },
  {
    name: 'low contrast',
    variants: [
      variant('20 %', { contrast: 0.2 }),
      variant('12 %', { contrast: 0.12 }),
      variant('8 %', { contrast: 0.08 }),
    ],
  },
  {
    name: 'rotation',
    variants: [
      variant('15°', { rotation: 15 }),
      variant('30°', { rotation: 30 }),
      variant('45°', { rotation: 45 }),
    ],
  },
  {
    name: 'small',
    variants: [
      variant('3.0 px/module', { moduleSize: 3, blur: 0.5 }),
      variant('2.5 px', { moduleSize: 2.5, blur: 0.5 }),
      variant('2.0 px', { moduleSize: 2, blur: 0.5 }),
    ],
  },
  {
    name: 'glare',
    variants: [
      variant('+200, r 8 modules', { glare: 200, glareRadius: 8 }),
      variant('+260, r 11', { glare: 260, glareRadius: 11 }),
      variant('+320, r 14', { glare: 320, glareRadius: 14 }),
    ],
  },
  {
    name: 'perspective',
    variants: [
      variant('tilt 35°', { tilt: 35, tiltAxis: 30 }),
      variant('tilt 50°', { tilt: 50, tiltAxis: 30 }),
      variant('tilt 60°', { tilt: 60, tiltAxis: 30 }),
    ],
  },
];
