import { describe, expect, test } from 'vitest';
import { foldedNameOf, foldForSearch } from '../../server/domain/search-fold.js';

describe('people search folds case and accents', () => {
  test.each([
    ['Núñez', 'nunez'],
    ['JOSÉ', 'jose'],
    ['Zoë', 'zoe'],
    ['İlkay', 'ilkay'],
    ['Ｊｏｓｅ', 'jose'],
    ['Søren Łukasz', 'søren łukasz'],
    ['Straße', 'straße'],
  ])('%s → %s', (name, folded) => {
    expect(foldForSearch(name)).toBe(folded);
  });

  test('the folded name is stored only where SQLite’s lower() does not already give it', () => {
    expect(foldedNameOf('Ana Lopes')).toBeNull();
    expect(foldedNameOf('ANA')).toBeNull();
    expect(foldedNameOf('Núñez')).toBe('nunez');
    expect(foldedNameOf('ÅSA')).toBe('asa');
  });
});
