export type ParseKind = 'amount' | 'date';

/** Text from a page that could not be read as an amount or a date; the message quotes the text. */
export class ParseError extends Error {
  override name = 'ParseError';
  constructor(
    readonly kind: ParseKind,
    readonly text: string,
    readonly reason: string,
  ) {
    const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
    super(
      text.trim() === ''
        ? `Cannot read an empty text as ${kind === 'amount' ? 'an amount' : 'a date'}`
        : `Cannot read "${shown}" as ${kind === 'amount' ? 'an amount' : 'a date'}: ${reason}`,
    );
  }
}
