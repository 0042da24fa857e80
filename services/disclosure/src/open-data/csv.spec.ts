import { csvField, csvLine } from './csv';

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 'plain'])).toBe(
      '"a,b","say ""hi""","two\nlines",plain\r\n',
    );
  });

  it('joins lists with a Chinese semicolon and leaves nulls empty', () => {
    expect(csvLine([['蚕丝含量', '纤维含量'], null, undefined, 3, true])).toBe(
      '蚕丝含量；纤维含量,,,3,true\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-1)).toBe('-1');
  });

  it('defuses a list whose first item a spreadsheet would run as a formula', () => {
    expect(csvField(['=1+2', '纤维含量'])).toBe("'=1+2；纤维含量");
    expect(csvField(['-2+3'])).toBe("'-2+3");
    expect(csvField(['@SUM(A1)', 'x,y'])).toBe(`"'@SUM(A1)；x,y"`);
    expect(csvField(['蚕丝含量', '=1'])).toBe('蚕丝含量；=1');
  });
});
