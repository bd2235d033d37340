/**
 * Keypad shapes: PINs typed as a path or as lines on a keypad rather than remembered as a number.
 * Both layouts people learn are covered, since a worker may picture either: the phone keypad (1 2 3 on
 * top, 0 under 8) and the computer numpad (7 8 9 on top, a wide 0 under 1 and 2). Their rows, columns and
 * diagonals hold the same digits, so only the 0 key differs.
 */

/** Keys that touch side by side or above/below, on either layout. */
const NEIGHBOURS: Readonly<Record<string, string>> = {
  '0': '128',
  '1': '240',
  '2': '1350',
  '3': '26',
  '4': '157',
  '5': '2468',
  '6': '359',
  '7': '48',
  '8': '5790',
  '9': '68',
};

/** Straight lines of keys, each readable both ways: rows, columns (with the 0 under them), diagonals. */
const LINES = ['123', '456', '789', '147', '258', '369', '159', '357', '1470', '2580'];

/** Every run of 3 or more keys along one line, in either direction (147, 741, 2580, 085, …). */
const LINE_PIECES: ReadonlySet<string> = new Set(
  LINES.flatMap((line) =>
    [line, [...line].reverse().join('')].flatMap((way) => {
      const pieces: string[] = [];
      for (let from = 0; from < way.length; from++) {
        for (let to = from + 3; to <= way.length; to++) pieces.push(way.slice(from, to));
      }
      return pieces;
    }),
  ),
);

/** Two keys on one line, in either order (28 for the middle column, 91 for a diagonal). */
const onOneLine = (a: string, b: string) =>
  a !== b && LINES.some((line) => line.includes(a) && line.includes(b));

/** Every key touches the one before it: a path drawn with the finger (14789632, 12365478, 74108520). */
function isKeypadWalk(pin: string): boolean {
  for (let i = 1; i < pin.length; i++) {
    if (!NEIGHBOURS[pin[i - 1]!]?.includes(pin[i]!)) return false;
  }
  return true;
}

/**
 * Lines of 3 or more keys one after another, in any order and direction, the last one perhaps cut to
 * 2 keys: 78945612 (rows), 14725836 (columns), 15935728 (an X, then the middle column's ends).
 */
function isLinesOfKeys(pin: string): boolean {
  // fits[i]: pin.slice(i) is made of line pieces (the last may be 2 keys on one line).
  const fits: boolean[] = new Array<boolean>(pin.length + 1).fill(false);
  fits[pin.length] = true;
  for (let i = pin.length - 1; i >= 0; i--) {
    if (i === pin.length - 2) fits[i] = onOneLine(pin[i]!, pin[i + 1]!);
    for (let to = i + 3; to <= Math.min(pin.length, i + 4) && !fits[i]; to++) {
      fits[i] = fits[to]! && LINE_PIECES.has(pin.slice(i, to));
    }
  }
  return fits[0]!;
}

export function isKeypadShape(pin: string): boolean {
  return isKeypadWalk(pin) || isLinesOfKeys(pin);
}
