import { PipelabError } from '../core/errors';

/** A share link or bundle that cannot be opened; the message says what is wrong and what to do. */
export class ShareError extends PipelabError {}
