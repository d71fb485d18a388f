/** The few ANSI SGR styles the stylish format uses, switched off wholesale when colour is off. */

export type Paint = (text: string) => string;

export interface Palette {
  red: Paint;
  yellow: Paint;
  cyan: Paint;
  bold: Paint;
  dim: Paint;
  underline: Paint;
}

/** Each style closes with its own reset code (not `0`), so styles nest. */
function sgr(open: number, close: number): Paint {
  return (text) => (text === '' ? '' : `\u001b[${open}m${text}\u001b[${close}m`);
}

const plain: Paint = (text) => text;

export function palette(color: boolean): Palette {
  if (!color) return { red: plain, yellow: plain, cyan: plain, bold: plain, dim: plain, underline: plain };
  return {
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    underline: sgr(4, 24),
  };
}
