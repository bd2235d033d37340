import { describe, expect, test } from 'vitest';
import { filterOptions, foldText, labelOf, labelsOf } from '../../../src/lib/ui/options.js';
import { describedBy, fieldControl } from '../../../src/lib/ui/field.js';

const stores = [
  { value: 'g1', label: 'Lisboa – Baixa' },
  { value: 'g2', label: 'Porto' },
  { value: 'g3', label: 'Núñez Market' },
  { value: 'g4', label: 'Oporto Airport' },
];

describe('combobox matching', () => {
  test('ignores case and accents', () => {
    expect(foldText('Núñez')).toBe('nunez');
    expect(filterOptions(stores, 'nunez').map((o) => o.value)).toEqual(['g3']);
    expect(filterOptions(stores, 'LISBOA').map((o) => o.value)).toEqual(['g1']);
  });

  test('lists labels that start with the text before those that contain it', () => {
    expect(filterOptions(stores, 'porto').map((o) => o.value)).toEqual(['g2', 'g4']);
  });

  test('an empty or blank text lists everything', () => {
    expect(filterOptions(stores, '  ')).toHaveLength(4);
  });
});

describe('a select’s shown label', () => {
  test('is the chosen option’s, or the placeholder for none or an unknown value', () => {
    expect(labelOf(stores, 'g2', 'All stores')).toBe('Porto');
    expect(labelOf(stores, '', 'All stores')).toBe('All stores');
    expect(labelOf(stores, 'gone', 'All stores')).toBe('All stores');
  });

  test('lists several in the options’ order', () => {
    expect(labelsOf(stores, ['g3', 'g1'], 'None')).toBe('Lisboa – Baixa, Núñez Market');
    expect(labelsOf(stores, [], 'None')).toBe('None');
  });
});

describe('a field’s wiring', () => {
  test('describes the control by its error first, then its hint', () => {
    expect(describedBy('upn', true, 'Enter a name.')).toBe('upn-error upn-hint');
    expect(describedBy('upn', true, null)).toBe('upn-hint');
    expect(describedBy('upn', false, undefined)).toBeUndefined();
  });

  test('marks the control invalid only with an error', () => {
    expect(fieldControl('upn', false, 'Enter a name.')).toEqual({
      id: 'upn',
      describedBy: 'upn-error',
      invalid: true,
    });
    expect(fieldControl('upn', false, '').invalid).toBe(false);
  });
});
