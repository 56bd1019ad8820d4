/** The recovery code laid out for reading and copying by hand. */

/** Groups per line: a 30-character code in six groups reads as two lines of three. */
const groupsPerLine = 3;

/** "AAAAA-BBBBB-CCCCC-DDDDD" → ["AAAAA-BBBBB-CCCCC-", "DDDDD"]: lines break between groups, never inside one. */
export function codeLines(code: string): string[] {
  const groups = code.split('-');
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += groupsPerLine) {
    const last = i + groupsPerLine >= groups.length;
    lines.push(groups.slice(i, i + groupsPerLine).join('-') + (last ? '' : '-'));
  }
  return lines;
}
