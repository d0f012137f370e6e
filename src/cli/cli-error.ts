/** Bad input at the command line: printed as one line, exit code 2. */
export class CliInputError extends Error {}
