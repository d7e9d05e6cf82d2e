/** CSV files are opened in spreadsheets: text that would run as a formula is neutralised, numbers are not. */
import { csvRows } from '../../src/export';
import { csvField } from '../../web/src/shared/csv';

const cells = ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', 'ACC', -5, 12.5];

it.each([
  ['the server export', (values: unknown[]) => csvRows(['a'], [values]).split('\n')[1]!],
  ['the pages', (values: unknown[]) => values.map(csvField).join(',')],
])('%s prefixes formulas with an apostrophe and leaves numbers alone', (_, line) => {
  expect(line(cells)).toBe(`"'=HYPERLINK(""http://x"",""y"")",'+1,'-2+3,'@SUM(A1),ACC,-5,12.5`);
});
