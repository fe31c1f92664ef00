// Located diagnostics: "file:line: <Element>: message".

export interface Located {
  readonly lineNumber?: number | undefined;
  readonly localName?: string | null;
}

export class Problems {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];

  constructor(readonly file: string) {}

  format(at: Located | null, message: string): string {
    const line = at?.lineNumber ?? 0;
    const element = at?.localName ? ` <${at.localName}>:` : '';
    return `${this.file}:${line}:${element} ${message}`;
  }

  error(at: Located | null, message: string): void {
    this.errors.push(this.format(at, message));
  }

  warn(at: Located | null, message: string): void {
    this.warnings.push(this.format(at, message));
  }
}
