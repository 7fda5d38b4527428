// A US QWERTY keyboard, for typos a finger would make: a key's neighbours are the keys beside it on its row
// and the two touching it on the rows above and below (the rows are staggered).

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

const NEIGHBOURS: ReadonlyMap<string, string> = buildNeighbours();

function buildNeighbours(): Map<string, string> {
  const map = new Map<string, string>();
  ROWS.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      const around = [row[c - 1], row[c + 1], ROWS[r - 1]?.[c], ROWS[r - 1]?.[c + 1], ROWS[r + 1]?.[c - 1], ROWS[r + 1]?.[c]];
      map.set(row[c], around.filter((key): key is string => key !== undefined).join(''));
    }
  });
  return map;
}

/**
 * The lower-case letters next to a letter's key; empty for anything that is not an ASCII letter.
 *
 * @example keyNeighbours('s') // 'adwezx'
 */
export function keyNeighbours(letter: string): string {
  return NEIGHBOURS.get(letter.toLowerCase()) ?? '';
}
