import type { Span } from '../types';

/** A syntax error, with a message a person understands and where it is. */
export interface ParseError {
  message: string;
  span: Span;
}
