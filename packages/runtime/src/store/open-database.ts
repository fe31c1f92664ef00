export function openDatabase(): never { throw new Error('x'); }
