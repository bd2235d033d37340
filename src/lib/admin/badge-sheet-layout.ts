/**
 * How 2"×2" labels sit on a sheet of paper: 3 across and 4 down on both A4 and US Letter, with gutters
 * wide enough for crop marks and margins every office printer can print.
 */
export type Paper = 'a4' | 'letter';

export interface SheetLayout {
  /** The CSS `@page` size keyword. */
  pageSize: 'A4' | 'letter';
  widthIn: number;
  heightIn: number;
  marginIn: number;
  columns: number;
  rows: number;
  labelIn: number;
  gapIn: number;
}

const LABEL_IN = 2;
const GAP_IN = 0.4;
const MARGIN_IN = 0.4;
const SIZES: Record<Paper, { pageSize: SheetLayout['pageSize']; widthIn: number; heightIn: number }> = {
  a4: { pageSize: 'A4', widthIn: 210 / 25.4, heightIn: 297 / 25.4 },
  letter: { pageSize: 'letter', widthIn: 8.5, heightIn: 11 },
};

/** As many labels as fit between the margins, with a gutter between neighbours. */
export function sheetLayout(paper: Paper): SheetLayout {
  const size = SIZES[paper];
  const fit = (length: number) => Math.floor((length - 2 * MARGIN_IN + GAP_IN) / (LABEL_IN + GAP_IN));
  return {
    ...size,
    marginIn: MARGIN_IN,
    columns: fit(size.widthIn),
    rows: fit(size.heightIn),
    labelIn: LABEL_IN,
    gapIn: GAP_IN,
  };
}

/** `items` cut into sheets of `perSheet`. */
export function intoSheets<T>(items: readonly T[], perSheet: number): T[][] {
  const sheets: T[][] = [];
  for (let i = 0; i < items.length; i += perSheet) sheets.push(items.slice(i, i + perSheet));
  return sheets;
}
